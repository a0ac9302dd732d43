package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionCallback;

import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import and another import's name resolution at the same time: an import found a
 * placeholder stored and writes an edge to it while a resolution merges that placeholder
 * into the model its name means and deletes it. The import's report never claims an edge
 * it did not write.
 */
@PedigreeServerTest
@ExtendWith(OutputCaptureExtension.class)
class PlaceholderImportRaceTests {

	@Autowired
	Driver driver;

	@RegisterExtension
	final PlaceholderFixture fixture = new PlaceholderFixture();

	@Autowired
	Graph graph;

	@Autowired
	CypherQueries cypher;

	@Autowired
	ChangeLog changes;

	@Autowired
	PlaceholderResolution resolution;

	@Autowired
	SafetyChecks safetyChecks;

	@Autowired
	SizeChecks sizeChecks;

	/**
	 * The import looked the placeholder up (it was stored) before the resolution that
	 * deletes it committed, and writes its edge after: the edge is reported as not
	 * written, not counted as created.
	 */
	@Test
	void an_edge_to_a_placeholder_resolved_meanwhile_is_reported_not_counted() {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Van");
		String second = "van-" + token + "/second";
		this.fixture.register(second, "Van Second " + token);
		// The import's first write transaction: another import's resolution commits
		// just before it.
		AtomicInteger writes = new AtomicInteger();
		Graph racing = Mockito.spy(this.graph);
		Mockito.doAnswer(call -> {
			if (writes.incrementAndGet() == 1) {
				assertThat(this.resolution.resolveAll().resolved())
					.anyMatch(r -> r.placeholder().equals(scene.placeholder()));
			}
			TransactionCallback<Object> work = call.getArgument(0);
			return this.graph.write(work);
		}).when(racing).write(ArgumentMatchers.<TransactionCallback<Object>>any());
		var lineage = new LineageWrites(racing, this.cypher, this.changes,
				new BulkWrites(racing, this.cypher, this.changes), this.resolution, this.safetyChecks, this.sizeChecks);

		var outcome = lineage.importWrites()
			.derivations(List
				.of(DerivationFacts.of(second, scene.placeholder()).relation(Relation.FINETUNE).source("hf").build()),
					LineageWrites.UnknownModels.PLACEHOLDER, n -> {
					});

		assertThat(writes).as("write transactions").hasPositiveValue();
		assertThat(this.fixture.parentsOf(scene.child())).as("the resolution moved the placeholder's child")
			.containsExactly(scene.target());
		assertThat(this.fixture.parentsOf(second)).as("nothing written for the import's edge").isEmpty();
		assertThat(outcome.counts().created()).as("derivations created").isZero();
		assertThat(outcome.vanished()).singleElement()
			.satisfies(
					d -> assertThat(d.child() + " <- " + d.parent()).isEqualTo(second + " <- " + scene.placeholder()));
	}

	/**
	 * An edge-list import writes an edge to a placeholder and then waits (here for an
	 * edge the test holds) before it takes the lineage lock; meanwhile an Epoch import's
	 * name resolution, holding the lineage lock, moves the placeholder's derivations and
	 * waits to delete it. When the edge list goes on, each waits for the other: Neo4j
	 * ends one of them and the driver runs it again. Whichever it is, both imports finish
	 * and the edge list's report says what the graph holds: its edge to the placeholder
	 * either moved with it to the model the name means (the resolution ran again), or was
	 * not written and is listed (the batch ran again and found the placeholder gone; it
	 * counted the edge as created).
	 */
	@Test
	void an_import_writing_to_a_placeholder_and_another_resolving_it_both_finish_and_agree() throws Exception {
		String token = this.fixture.token();
		// The placeholder has many children: the resolution that moves them holds more
		// locks than the edge list's batch, so Neo4j ends the batch (it ends the one
		// with fewer), and its second run finds the placeholder gone.
		StringBuilder siblings = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			siblings
				.append("Dl Sibling " + i + " " + token + ",Dl Lab " + token + ",2025-01-01,Dl Base " + token + "\n");
		}
		var scene = this.fixture.unresolved("Dl", siblings.toString());
		String held = "dl-" + token + "/held";
		String third = "dl-" + token + "/third";
		assertThat(this.fixture.edgeList(held + "," + third + ",finetune\n")).doesNotContain("\"errors\"");
		String second = "dl-" + token + "/second";
		var locks = new LockWaits(this.driver);
		String edges;
		String names;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor();
				var holder = this.driver.session();
				var hold = holder.beginTransaction(LockWaits.marked(token))) {
			hold.run("MATCH (:Model {id: $c})-[d:DERIVED_FROM]->(:Model {id: $p}) SET d.heldByTest = true",
					Map.of("c", third, "p", held))
				.consume();
			// Two batches of two: the first writes second -> placeholder, then waits
			// to update the held edge (a new relation).
			Future<String> edgeList = pool.submit(() -> this.fixture.edgeList(scene.placeholder() + "," + second
					+ ",finetune\n" + held + "," + third + ",quantized\n" + "dl-" + token + "/x,dl-" + token
					+ "/y,finetune\n" + "dl-" + token + "/y,dl-" + token + "/z,finetune\n"));
			String batch = locks.awaitBlockedBy(locks.idOf(token), edgeList);
			assertThat(batch).as("the edge list's batch waits for the held edge").isNotNull();
			// An import that leaves a placeholder of its own resolves names, this
			// one's too; it waits to delete the placeholder the batch wrote an edge
			// to.
			Future<String> resolving = pool.submit(() -> this.fixture.resolveNames("Dl"));
			assertThat(locks.awaitBlockedBy(batch, resolving)).as("the resolution waits for the batch").isNotNull();
			hold.rollback();
			edges = edgeList.get(60, TimeUnit.SECONDS);
			names = resolving.get(60, TimeUnit.SECONDS);
		}
		assertThat(edges).doesNotContain("\"errors\"");
		assertThat(names).doesNotContain("\"errors\"");
		assertThat(JsonPath.parse(names).read("$.data.importRecords.resolved", List.class)).anySatisfy(
				r -> assertThat(r.toString()).startsWith(scene.placeholder() + " (").contains("-> " + scene.target()));
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.target());
		assertThat(this.fixture.post("query($id: ID!) { model(id: $id) { id } }", Map.of("id", scene.placeholder())))
			.contains("\"model\":null");
		var report = JsonPath.parse(edges);
		List<String> rejected = report.read("$.data.importRecords.rejected[*].reason");
		if (this.fixture.parentsOf(second).isEmpty()) {
			assertThat(report.read("$.data.importRecords.created", Integer.class)).isEqualTo(2);
			assertThat(rejected).singleElement()
				.asString()
				.startsWith("derivation " + second + " <- " + scene.placeholder())
				.contains("was not written");
		}
		else {
			assertThat(this.fixture.parentsOf(second)).containsExactly(scene.target());
			assertThat(report.read("$.data.importRecords.created", Integer.class)).isEqualTo(3);
			assertThat(rejected).isEmpty();
		}
	}

	/**
	 * The resolution holds the placeholder first (and waits for a second placeholder it
	 * resolves, which the test holds) when the edge-list import's batch writes an edge to
	 * it: the batch waits for the placeholder, which is gone when the resolution commits.
	 * The import finishes and reports the edge it could not write, instead of failing or
	 * counting it; the batch's second run is logged.
	 */
	@Test
	void an_edge_to_a_placeholder_a_resolution_deletes_under_it_is_reported_and_the_import_finishes(
			CapturedOutput output) throws Exception {
		String token = this.fixture.token();
		this.fixture.epoch("Gone Child " + token + ",Gone Lab " + token + ",2025-01-01,Gone Base A " + token + "\n"
				+ "Gone Other " + token + ",Gone Lab " + token + ",2025-01-01,Gone Base B " + token + "\n");
		String child = this.fixture.idOf("Gone Child " + token);
		String placeholder = this.fixture.parentsOf(child).get(0);
		String other = this.fixture.parentsOf(this.fixture.idOf("Gone Other " + token)).get(0);
		assertThat(placeholder).as("locked first").isLessThan(other);
		String target = "gone-" + token + "/target";
		this.fixture.register(target, "Gone Base A " + token);
		this.fixture.register("gone-" + token + "/other", "Gone Base B " + token);
		String second = "gone-" + token + "/second";
		var locks = new LockWaits(this.driver);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor();
				var holder = this.driver.session();
				var hold = holder.beginTransaction(LockWaits.marked(token))) {
			hold.run("MATCH (m:Model {id: $id}) SET m.heldByTest = true", Map.of("id", other)).consume();
			Future<String> resolving = pool.submit(() -> this.fixture.resolveNames("Gone"));
			String resolution = locks.awaitBlockedBy(locks.idOf(token), resolving);
			assertThat(resolution).as("the resolution waits for the other placeholder").isNotNull();
			Future<String> edgeList = pool.submit(() -> this.fixture.edgeList(placeholder + "," + second + ",finetune\n"
					+ "gone-" + token + "/x,gone-" + token + "/y,finetune\n"));
			assertThat(locks.awaitBlockedBy(resolution, edgeList)).as("the batch waits for the placeholder")
				.isNotNull();
			hold.rollback();
			assertThat(resolving.get(60, TimeUnit.SECONDS)).doesNotContain("\"errors\"");
			String edges = edgeList.get(60, TimeUnit.SECONDS);
			assertThat(edges).doesNotContain("\"errors\"");
			assertThat(this.fixture.parentsOf(child)).containsExactly(target);
			assertThat(this.fixture.parentsOf(second)).isEmpty();
			assertThat(JsonPath.parse(edges).read("$.data.importRecords.created", Integer.class)).isEqualTo(1);
			assertThat(JsonPath.parse(edges).read("$.data.importRecords.rejected[*].reason", List.class))
				.singleElement()
				.asString()
				.startsWith("derivation " + second + " <- " + placeholder)
				.contains("was not written");
			assertThat(output.getOut()).containsPattern(
					"WARN .*A write transaction runs again \\(attempt 2 of 3\\): a node it matched was deleted meanwhile: .+")
				.doesNotContain(second);
		}
	}

}
