package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retracted derivation leaves the lineage at once and is kept with who, when and why.
 */
@PedigreeServerTest
class RetractionTests {

	@LocalServerPort
	int port;

	@Test
	void a_retracted_claim_leaves_every_traversal_and_is_shown_with_who_when_and_why() {
		String prefix = "test/retract-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		String wrong = prefix + "-wrong-base";
		String tune = prefix + "-tune";
		String quant = prefix + "-tune-gguf";
		for (String id : List.of(base, wrong, tune, quant)) {
			GraphQlClient.curator(this.port)
				.document("mutation($id: ID!, $n: String!) { registerModel(input: {id: $id, name: $n}) { id } }")
				.variable("id", id)
				.variable("n", id)
				.execute()
				.path("registerModel.id")
				.hasValue();
		}
		derive(tune, List.of(base, wrong), "FINETUNE");
		derive(quant, List.of(tune), "QUANTIZED");
		assertThat(ancestors(quant)).containsExactlyInAnyOrder(tune, base, wrong);

		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: ID!) { retractDerivation(childId: $c, parentId: $p, "
					+ "reason: \"the card names the other base\") { childId parentId relation retractedBy reason } }")
			.variable("c", tune)
			.variable("p", wrong)
			.execute()
			.path("retractDerivation")
			.entity(Map.class)
			.isEqualTo(Map.of("childId", tune, "parentId", wrong, "relation", "FINETUNE", "retractedBy",
					"curator-token", "reason", "the card names the other base"));

		assertThat(ancestors(quant)).containsExactlyInAnyOrder(tune, base);
		var after = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!, $w: ID!) { model(id: $id) { parents { parent { id } } "
					+ "retractedParents { parentId retractedAt reason } history { kind writer } } "
					+ "wrong: model(id: $w) { children { totalCount } } }")
			.variable("id", tune)
			.variable("w", wrong)
			.execute();
		after.path("model.parents[*].parent.id").entityList(String.class).containsExactly(base);
		after.path("model.retractedParents[*].parentId").entityList(String.class).containsExactly(wrong);
		after.path("model.retractedParents[0].retractedAt").hasValue();
		after.path("model.history[*].kind")
			.entityList(String.class)
			.containsExactly("MODELS_WRITTEN", "DERIVATIONS_WRITTEN", "DERIVATION_RETRACTED");
		after.path("wrong.children.totalCount").entity(Integer.class).isEqualTo(0);

		// Retracting again, or a claim nobody made: NOT_FOUND on parentId; no reason:
		// BAD_REQUEST.
		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: ID!) { retractDerivation(childId: $c, parentId: $p, reason: \"again\") "
					+ "{ childId } }")
			.variable("c", tune)
			.variable("p", wrong)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
				assertThat(e.getExtensions()).containsEntry("field", "parentId");
			}));
		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: ID!) { retractDerivation(childId: $c, parentId: $p, reason: \" \") "
					+ "{ childId } }")
			.variable("c", quant)
			.variable("p", tune)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "reason")));
		assertThat(ancestors(quant)).containsExactlyInAnyOrder(tune, base);

		// The whole-graph backup carries the retraction, and a restore takes it back.
		List<String> backup = GraphQlClient.http(this.port)
			.get()
			.uri("/export/jsonl")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.lines()
			.toList();
		String link = backup.stream()
			.filter(l -> l.contains("RETRACTED_DERIVATION") && l.contains(tune))
			.findFirst()
			.orElseThrow();
		// The link with the two model records it names, as a partial restore must carry
		// them.
		String line = String.join("\n",
				backup.stream()
					.filter(l -> l.contains("\"id\":\"" + tune + "\"") || l.contains("\"id\":\"" + wrong + "\""))
					.toList())
				+ "\n" + link;
		GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: JSONL, content: $c) { rejected { reason } } }")
			.variable("c", line + "\n")
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
		GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { retractedParents { parentId retractedBy reason } } }")
			.variable("id", tune)
			.execute()
			.path("model.retractedParents[*].parentId")
			.entityList(String.class)
			.containsExactly(wrong);
	}

	@Test
	void an_import_leaves_a_retracted_claim_out_until_a_curator_records_it_again() {
		String prefix = "test/reimport-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		String wrong = prefix + "-wrong-base";
		String tune = prefix + "-tune";
		// The Hub's edge list names two parents of the tune.
		String edges = "parent_id,child_id,relation,sources\n" + base + "," + tune + ",finetune,tag\n" + wrong + ","
				+ tune + ",finetune,tag\n";
		assertThat(importEdges(edges)).isEmpty();
		assertThat(parents(tune)).containsExactlyInAnyOrder(base, wrong);
		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: ID!) { retractDerivation(childId: $c, parentId: $p, "
					+ "reason: \"the card names the other base\") { childId } }")
			.variable("c", tune)
			.variable("p", wrong)
			.execute()
			.path("retractDerivation.childId")
			.entity(String.class)
			.isEqualTo(tune);

		// Re-importing the source: the retraction wins, and the report says so.
		assertThat(importEdges(edges)).singleElement()
			.satisfies(reason -> assertThat(reason).contains("derivation " + tune + " <- " + wrong)
				.contains("was retracted by a curator")
				.contains("'the card names the other base'")
				.contains("until a curator records the derivation again"));
		assertThat(parents(tune)).containsExactly(base);
		assertThat(ancestors(tune)).containsExactly(base);
		assertThat(retractedParents(tune)).containsExactly(wrong);

		// A curator records it again: restored, and imports keep it.
		derive(tune, List.of(wrong), "FINETUNE");
		assertThat(retractedParents(tune)).isEmpty();
		assertThat(importEdges(edges)).isEmpty();
		assertThat(parents(tune)).containsExactlyInAnyOrder(base, wrong);
	}

	/** Imports an edge list; the reasons of its rejected records. */
	private List<String> importEdges(String csv) {
		return GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "HF_EDGES")
			.variable("content", csv)
			.execute()
			.path("importRecords.rejected[*].reason")
			.entityList(String.class)
			.get();
	}

	private List<String> parents(String id) {
		return Curation.parentsOf(this.port, id);
	}

	private List<String> retractedParents(String id) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { retractedParents { parentId } } }")
			.variable("id", id)
			.execute()
			.path("model.retractedParents[*].parentId")
			.entityList(String.class)
			.get();
	}

	private void derive(String child, List<String> parents, String relation) {
		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: [ID!]!, $r: Relation!) { recordDerivation(input: {childId: $c, "
					+ "parentIds: $p, relation: $r}) { relation } }")
			.variable("c", child)
			.variable("p", parents)
			.variable("r", relation)
			.execute()
			.path("recordDerivation")
			.entityList(Object.class)
			.hasSize(parents.size());
	}

	private List<String> ancestors(String id) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { ancestors { model { id } } } }")
			.variable("id", id)
			.execute()
			.path("model.ancestors[*].model.id")
			.entityList(String.class)
			.get();
	}

}
