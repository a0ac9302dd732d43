package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.RerunningGraph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edge list's batch of derivations that the driver runs again: its first run failed
 * after its work with a transient error (as a refused commit, a deadlock or a lock
 * timeout do), was rolled back, and the second run committed. The import's report
 * (created, cycles, rejected) says what the committed run did, which is what the graph
 * holds; nothing of the run rolled back.
 */
@PedigreeServerTest
@Import(RerunningGraph.class)
// Its own context (and embedded store) for the test Graph: closed after the class, so the
// rest of the test JVM does not keep a second store alive.
@DirtiesContext
class DerivationBatchRerunTests {

	@LocalServerPort
	int port;

	@Autowired
	RerunningGraph graph;

	@Autowired
	Driver driver;

	@AfterEach
	void disarm() {
		this.graph.disarm();
	}

	/**
	 * Stored: c derives from b, b from a. The edge list's a-from-c closes a cycle and is
	 * taken back in both runs; its x-from-y is written. Each counts once.
	 */
	@Test
	void a_batch_run_again_is_counted_once() {
		String p = "rerun-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		stored(p);
		this.graph.failOnceAfter("lineage/create-derivations", () -> {
		});

		var report = importEdges(p);

		assertThat(this.graph.reruns()).as("batches run again").isEqualTo(2);
		report.path("importRecords.created").entity(Integer.class).isEqualTo(1);
		report.path("importRecords.cycles")
			.entityList(String.class)
			.satisfies(cycles -> assertThat(cycles).singleElement()
				.asString()
				.contains(p + "a -> " + p + "c -> " + p + "b -> " + p + "a"));
		report.path("importRecords.rejected").entityList(Object.class).hasSize(0);
		assertThat(Curation.parentsOf(this.port, p + "a")).isEmpty();
		assertThat(Curation.parentsOf(this.port, p + "x")).containsExactly(p + "y");
	}

	/**
	 * As above, but between the two runs a curator's tool deletes c-from-b: the second
	 * run writes a-from-c (no cycle any more). The report counts it and does not list it
	 * as a cycle, as the run rolled back would have.
	 */
	@Test
	void an_edge_only_the_rolled_back_run_took_back_is_counted_and_not_listed() {
		String p = "rerun-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		stored(p);
		this.graph.failOnceAfter("lineage/create-derivations", () -> {
			try (var session = this.driver.session()) {
				session.executeWrite(
						tx -> tx
							.run("MATCH (:Model {id: $c})-[d:DERIVED_FROM]->(:Model {id: $b}) DELETE d",
									Map.of("c", p + "c", "b", p + "b"))
							.consume());
			}
		});

		var report = importEdges(p);

		assertThat(this.graph.reruns()).as("batches run again").isEqualTo(2);
		assertThat(Curation.parentsOf(this.port, p + "a")).as("written by the committed run").containsExactly(p + "c");
		report.path("importRecords.created").entity(Integer.class).isEqualTo(2);
		report.path("importRecords.cycles").entityList(String.class).hasSize(0);
		report.path("importRecords.rejected").entityList(Object.class).hasSize(0);
	}

	/** Three models, c derived from b and b from a; x and y unknown. */
	private void stored(String p) {
		for (String id : List.of("a", "b", "c")) {
			Curation.register(this.port, p + id, "Rerun " + p + id);
		}
		Curation.derive(this.port, p + "b", p + "a");
		Curation.derive(this.port, p + "c", p + "b");
	}

	/** a derived from c, x from y: two batches of one. */
	private GraphQlTester.Traversable importEdges(String p) {
		return GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) "
					+ "{ created cycles rejected { reason } } }")
			.variable("c",
					"parent_id,child_id,relation\n" + p + "c," + p + "a,finetune\n" + p + "y," + p + "x,finetune\n")
			.execute()
			.errors()
			.verify();
	}

}
