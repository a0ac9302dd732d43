package dev.pedigree.interchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.PedigreeServerTest;
import dev.pedigree.lineage.LineageWrites;
import dev.pedigree.lineage.RegisterModelInput;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, session 7: an edge list settles only what its derivations touch (the children
 * that can carry safety evidence, the models stored before for sizes), instead of reading
 * every derivation of the store. What it settles must stay what settling the whole graph
 * gives: signals for a new placeholder whose id has a candidate word and for a described
 * child stored before, none for a plain placeholder, and a size warning between two
 * described models.
 */
@PedigreeServerTest
class EdgeListImportSettleTests {

	@Autowired
	ImportPipeline pipeline;

	@Autowired
	LineageWrites lineage;

	@Autowired
	Graph graph;

	@Test
	void an_edge_list_settles_the_derivations_it_wrote_as_the_whole_graph_would() {
		String u = "settle-" + UUID.randomUUID().toString().substring(0, 8);
		register(u + "/base", "Base", 7e9);
		register(u + "/big", "Big", 70e9);
		// Stored before, described: its name (not its id) carries the evidence.
		register(u + "/chat", "Uncensored chat", null);

		var report = this.pipeline.importContent(ImportFormat.HF_EDGES, """
				parent_id,child_id,relation
				U/base,U/base-abliterated,finetune
				U/base,U/plain-ft,finetune
				U/base,U/chat,finetune
				U/base,U/big,finetune
				""".replace("U/", u + "/"));

		assertThat(report.created()).isEqualTo(4);
		assertThat(report.placeholders()).containsExactlyInAnyOrder(u + "/base-abliterated", u + "/plain-ft");
		Map<String, Map<String, Object>> byChild = derivations(u);
		assertThat(signals(byChild.get(u + "/base-abliterated"))).isNotEmpty();
		assertThat(byChild.get(u + "/base-abliterated").get("effect")).isEqualTo("REMOVED");
		assertThat(signals(byChild.get(u + "/chat"))).isNotEmpty();
		assertThat(signals(byChild.get(u + "/plain-ft"))).isEmpty();
		assertThat(byChild.get(u + "/plain-ft").get("warnings")).isNull();
		assertThat((List<?>) byChild.get(u + "/big").get("warnings")).singleElement()
			.asString()
			.startsWith("size: declared a finetune of a 7B-parameter model");
	}

	private void register(String id, String name, Double parameters) {
		this.lineage.registerModel(new RegisterModelInput(id, name, null, null, parameters, null, null, null, null,
				null, null, null, null));
	}

	private Map<String, Map<String, Object>> derivations(String prefix) {
		Map<String, Map<String, Object>> byChild = new java.util.HashMap<>();
		this.graph.read("""
				MATCH (c:Model)-[d:DERIVED_FROM]->(:Model)
				WHERE c.id STARTS WITH $prefix
				RETURN c.id AS child, d.safetySignals AS signals, d.safetyEffect AS effect, d.warnings AS warnings
				""", Map.of("prefix", prefix + "/"), r -> r.asMap())
			.forEach(m -> byChild.put((String) m.get("child"), m));
		return byChild;
	}

	private static List<?> signals(Map<String, Object> derivation) {
		Object signals = derivation.get("signals");
		return signals == null ? List.of() : (List<?>) signals;
	}

}
