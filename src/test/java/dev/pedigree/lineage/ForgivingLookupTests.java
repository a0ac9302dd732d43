package dev.pedigree.lineage;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups that forgive, over HTTP on the seeded graph: ids in another case (the Hub
 * resolves them case-insensitively), a source's name for a model, any alias of an
 * organisation; search ranked exact, prefix, substring; the safety-effect filter.
 */
@PedigreeServerTest
class ForgivingLookupTests {

	@LocalServerPort
	int port;

	@Test
	void a_model_is_found_by_its_id_in_any_case_and_by_a_source_s_name_for_it() {
		assertModelId("huihui-ai/deepseek-v3-abliterated", "huihui-ai/DeepSeek-V3-abliterated");
		// Epoch AI's name for Meta's Llama 2 7B (seed-data/model-links.csv).
		assertModelId("Llama 2-7B", "meta-llama/Llama-2-7b");
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { id } }")
			.execute()
			.path("model")
			.valueIsNull();
		// The liability trace forgives the same way.
		GraphQlClient.anonymous(this.port)
			.document("{ liabilityTrace(modelId: \"HUIHUI-AI/DeepSeek-V3-Abliterated\") { model { id } } }")
			.execute()
			.path("liabilityTrace.model.id")
			.entity(String.class)
			.isEqualTo("huihui-ai/DeepSeek-V3-abliterated");
	}

	@Test
	void an_organisation_is_found_by_any_alias() {
		for (String alias : List.of("mistralai", "Mistral AI", "MISTRAL-AI")) {
			GraphQlClient.anonymous(this.port)
				.document("{ organization(id: \"" + alias + "\") { id name } }")
				.execute()
				.path("organization.id")
				.entity(String.class)
				.isEqualTo("mistral-ai");
		}
		GraphQlClient.anonymous(this.port)
			.document("{ organization(id: \"meta-llama\") { id } }")
			.execute()
			.path("organization.id")
			.entity(String.class)
			.isEqualTo("meta");
	}

	@Test
	void search_ranks_exact_then_prefix_then_substring() {
		List<String> ids = GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {nameContains: \"gemma-7b\"}, first: 200) { edges { node { id name } } } }")
			.execute()
			.path("models.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(ids).isNotEmpty();
		assertThat(ids.get(0)).isEqualTo("google/gemma-7b");
		int lastPrefix = -1;
		int firstSubstring = Integer.MAX_VALUE;
		for (int i = 0; i < ids.size(); i++) {
			String name = ids.get(i).toLowerCase(Locale.ROOT);
			boolean prefix = name.startsWith("gemma-7b")
					|| name.substring(name.indexOf('/') + 1).startsWith("gemma-7b");
			if (prefix) {
				lastPrefix = i;
			}
			else {
				firstSubstring = Math.min(firstSubstring, i);
			}
		}
		assertThat(lastPrefix).isLessThan(firstSubstring);
	}

	@Test
	void the_safety_effect_filter_finds_abliterations_declared_as_fine_tunes() {
		var response = GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {safetyEffect: REMOVED}, first: 50) { totalCount edges { node { id "
					+ "parents { relation safetyEffect safetySource safetyConfidence confidence } } } } }")
			.execute();
		// The safety claim shows its own source and confidence, apart from the
		// derivation's.
		response.path("models.edges[?(@.node.id == 'huihui-ai/DeepSeek-V3-abliterated')].node.parents[0]")
			.entityList(java.util.Map.class)
			.satisfies(parents -> assertThat(parents).singleElement().satisfies(p -> {
				assertThat(p.get("safetyEffect")).isEqualTo("REMOVED");
				assertThat(p.get("safetySource")).isEqualTo("heuristic");
				// Its Hub tags ("abliterated", "uncensored", 0.7) outweigh its name
				// (0.6).
				assertThat(((Number) p.get("safetyConfidence")).doubleValue()).isEqualTo(0.7);
			}));
		List<String> ids = response.path("models.edges[*].node.id").entityList(String.class).get();
		assertThat(ids).contains("huihui-ai/DeepSeek-V3-abliterated");
		response.path("models.edges[*].node.parents[*].safetyEffect")
			.entityList(String.class)
			.satisfies(effects -> assertThat(effects).contains("REMOVED"));
		// Declared as fine-tunes: the relation filter alone would not find them.
		response.path("models.edges[*].node.parents[*].relation")
			.entityList(String.class)
			.satisfies(relations -> assertThat(relations).doesNotContain("SAFETY_REMOVAL"));
		response.path("models.totalCount").entity(Integer.class).isEqualTo(ids.size());
	}

	private void assertModelId(String typed, String stored) {
		GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { id } }")
			.variable("id", typed)
			.execute()
			.path("model.id")
			.entity(String.class)
			.isEqualTo(stored);
	}

}
