package dev.pedigree.interchange;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §1: "an import skips that edge and lists it" — also when the cycle runs
 * through derivations stored before the import (which the import no longer reads into
 * memory: the database is asked per batch).
 */
@PedigreeServerTest
class ImportCycleTests {

	@LocalServerPort
	int port;

	@Test
	void an_import_edge_closing_a_cycle_through_stored_derivations_is_skipped_with_its_path() {
		String p = "cycle-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		// Stored first: c <- b <- a (c derives from b, b from a).
		var first = importEdges(
				"parent_id,child_id,relation\n" + p + "a," + p + "b,finetune\n" + p + "b," + p + "c,finetune\n");
		first.path("importRecords.created").entity(Integer.class).isEqualTo(2);
		first.path("importRecords.cycles").entityList(String.class).hasSize(0);
		// Then a <- c would close a -> b -> c -> a; d <- c is a new leaf beside it.
		var second = importEdges(
				"parent_id,child_id,relation\n" + p + "c," + p + "a,merge\n" + p + "c," + p + "d,quantized\n");
		second.path("importRecords.created").entity(Integer.class).isEqualTo(1);
		second.path("importRecords.cycles")
			.entityList(String.class)
			.containsExactly("content:2: " + p + "a -> " + p + "c -> " + p + "b -> " + p + "a");
		List<String> ancestorsOfA = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { ancestors { model { id } } } }")
			.variable("id", p + "a")
			.execute()
			.path("model.ancestors[*].model.id")
			.entityList(String.class)
			.get();
		assertThat(ancestorsOfA).isEmpty();
		List<String> parentsOfD = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { parents { parent { id } } } }")
			.variable("id", p + "d")
			.execute()
			.path("model.parents[*].parent.id")
			.entityList(String.class)
			.get();
		assertThat(parentsOfD).containsExactly(p + "c");
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response importEdges(String csv) {
		return GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created cycles } }")
			.variable("c", csv)
			.execute();
	}

}
