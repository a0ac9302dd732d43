package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolving a placeholder moves its derivations to the model it names, and moving a
 * derivation is writing one: the no-cycle rule holds for it against the whole stored
 * graph, and under the lineage lock against a curated write racing it. A resolution that
 * would close a cycle leaves the placeholder whole and says which cycle.
 */
@PedigreeServerTest
class PlaceholderCycleTests {

	@Autowired
	Driver driver;

	@RegisterExtension
	final PlaceholderFixture fixture = new PlaceholderFixture();

	/**
	 * The target derives from the placeholder's child, directly or through a path longer
	 * than any bound a shortcut might put on the search.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 52 })
	void a_resolution_that_would_close_a_cycle_moves_nothing_and_names_the_cycle(int hops) {
		String token = this.fixture.token();
		// A child naming a base model nobody describes yet, a sibling naming it too,
		// and the model the name means, which derives from the child.
		var scene = this.fixture.unresolved("Cycle",
				"Cycle Sibling " + token + ",Cycle Lab " + token + ",2025-01-01,Cycle Base " + token + "\n");
		String sibling = this.fixture.idOf("Cycle Sibling " + token);
		assertThat(scene.placeholder()).isEqualTo(this.fixture.parentsOf(sibling).get(0));
		List<String> cycle = new ArrayList<>(List.of(scene.child(), scene.target()));
		if (hops == 1) {
			PlaceholderFixture.assertNoErrors(this.fixture.derive(scene.target(), scene.child()));
		}
		else {
			StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
			String below = scene.target();
			for (int i = 1; i < hops; i++) {
				String above = "cycle-" + token + "/x" + i;
				csv.append(above).append(',').append(below).append(",finetune\n");
				cycle.add(above);
				below = above;
			}
			csv.append(scene.child()).append(',').append(below).append(",finetune\n");
			PlaceholderFixture.assertNoErrors(this.fixture.post(
					"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
					Map.of("c", csv.toString())));
		}
		cycle.add(scene.child());
		assertThat(this.fixture.derivesFrom(scene.target(), scene.child())).isTrue();

		// Any import that leaves a placeholder resolves names: this one's and the
		// earlier one's.
		var report = JsonPath.parse(this.fixture.resolveNames("Cycle"));
		List<String> conflicts = report.read("$.data.importRecords.conflicts");
		List<String> resolved = report.read("$.data.importRecords.resolved");
		assertThat(conflicts).as("the conflict names the cycle")
			.anyMatch(c -> c.contains("'Cycle Base " + token + "' (" + scene.placeholder() + ", ")
					&& c.contains("would close a cycle: " + String.join(" -> ", cycle)));
		assertThat(resolved).noneMatch(r -> r.contains(scene.placeholder()));
		// Nothing of it moved: both children still derive from the placeholder.
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.placeholder());
		assertThat(this.fixture.parentsOf(sibling)).containsExactly(scene.placeholder());
		assertThat(this.fixture.derivesFrom(scene.target(), scene.target())).as("a cycle through " + scene.target())
			.isFalse();
	}

	/**
	 * A placeholder a source also gave a parent (and a finding): resolving it moves its
	 * own derivation and links to the model it names, not only its children's; deleting
	 * the placeholder dropped them.
	 */
	@Test
	void a_resolution_keeps_the_placeholders_own_parents_and_links() {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Keep");
		String grand = "keep-" + token + "/grand";
		this.fixture.register(grand, "Grand " + token);
		PlaceholderFixture.assertNoErrors(this.fixture.derive(scene.placeholder(), grand));
		String finding = "keep-" + token + "-finding";
		try (var session = this.driver.session()) {
			session.executeWrite(tx -> tx
				.run("MATCH (p:Model {id: $p}) CREATE (p)-[:HAS_FINDING]->(:RiskFinding "
						+ "{id: $f, title: 'test finding'})", Map.of("p", scene.placeholder(), "f", finding))
				.consume());
		}

		var report = JsonPath.parse(this.fixture.resolveNames("Keep"));
		List<String> resolved = report.read("$.data.importRecords.resolved");
		assertThat(resolved).anyMatch(r -> r.contains(scene.placeholder()));
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.target());
		assertThat(this.fixture.parentsOf(scene.target())).as("the placeholder's own parent").containsExactly(grand);
		try (var session = this.driver.session()) {
			assertThat(session
				.run("MATCH (m:Model {id: $m})-[:HAS_FINDING]->(f:RiskFinding {id: $f}) RETURN count(*) AS n",
						Map.of("m", scene.target(), "f", finding))
				.single()
				.get("n")
				.asLong()).as("the placeholder's finding").isEqualTo(1);
			session.executeWrite(
					tx -> tx.run("MATCH (f:RiskFinding {id: $f}) DETACH DELETE f", Map.of("f", finding)).consume());
		}
	}

	/**
	 * A curator retracted target <- grand; the placeholder's imported claim of the same
	 * pair goes with the placeholder instead of bringing the derivation back.
	 */
	@Test
	void a_resolution_does_not_restore_a_retracted_parent() {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Ret");
		String grand = "ret-" + token + "/grand";
		this.fixture.register(grand, "Grand " + token);
		PlaceholderFixture.assertNoErrors(this.fixture.derive(scene.target(), grand));
		PlaceholderFixture.assertNoErrors(this.fixture.post("mutation { retractDerivation(childId: \"" + scene.target()
				+ "\", parentId: \"" + grand + "\", reason: \"wrong\") { childId } }"));
		assertThat(this.fixture.parentsOf(scene.target())).isEmpty();
		PlaceholderFixture.assertNoErrors(this.fixture.post(
				"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
				Map.of("c", "parent_id,child_id,relation\n" + grand + "," + scene.placeholder() + ",quantized\n")));
		assertThat(this.fixture.parentsOf(scene.placeholder())).containsExactly(grand);

		var report = JsonPath.parse(this.fixture.resolveNames("Ret"));
		List<String> resolved = report.read("$.data.importRecords.resolved");
		assertThat(resolved).anyMatch(r -> r.contains(scene.placeholder()));
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.target());
		assertThat(this.fixture.parentsOf(scene.target())).as("a retracted derivation stays retracted").isEmpty();
	}

	/**
	 * The target's curated derivation keeps what the curator said: an imported claim of
	 * the same pair on the placeholder does not overwrite it.
	 */
	@Test
	void a_resolution_does_not_overwrite_a_curated_derivation() {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Cur");
		String grand = "cur-" + token + "/grand";
		this.fixture.register(grand, "Grand " + token);
		PlaceholderFixture.assertNoErrors(this.fixture.derive(scene.target(), grand));
		PlaceholderFixture.assertNoErrors(this.fixture.post(
				"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
				Map.of("c", "parent_id,child_id,relation\n" + grand + "," + scene.placeholder() + ",quantized\n")));

		var report = JsonPath.parse(this.fixture.resolveNames("Cur"));
		List<String> resolved = report.read("$.data.importRecords.resolved");
		assertThat(resolved).anyMatch(r -> r.contains(scene.placeholder()));
		List<String> relations = JsonPath
			.parse(this.fixture.post("query($id: ID!) { model(id: $id) { parents { relation parent { id } } } }",
					Map.of("id", scene.target())))
			.read("$.data.model.parents[*].relation");
		assertThat(relations).as("the curator's relation").containsExactly("FINETUNE");
	}

	/**
	 * Moving the placeholder's own derivation would close a cycle: the parent it names
	 * derives from the model the placeholder's name means.
	 */
	@Test
	void a_resolution_whose_parent_move_would_close_a_cycle_moves_nothing() {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Up");
		String grand = "up-" + token + "/grand";
		this.fixture.register(grand, "Grand " + token);
		PlaceholderFixture.assertNoErrors(this.fixture.derive(grand, scene.target()));
		PlaceholderFixture.assertNoErrors(this.fixture.derive(scene.placeholder(), grand));

		var report = JsonPath.parse(this.fixture.resolveNames("Up"));
		List<String> conflicts = report.read("$.data.importRecords.conflicts");
		assertThat(conflicts).anyMatch(c -> c.contains("'Up Base " + token + "' (" + scene.placeholder() + ", ")
				&& c.contains("would close a cycle: " + scene.target() + " -> " + grand + " -> " + scene.target()));
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.placeholder());
		assertThat(this.fixture.parentsOf(scene.placeholder())).containsExactly(grand);
		assertThat(this.fixture.derivesFrom(scene.target(), scene.target())).isFalse();
	}

	/**
	 * A resolution and a curated write that together close a cycle, interleaved by a
	 * transaction holding the placeholder: the resolution has checked its move and waits
	 * to finish it when the curated write checks its own; one of them must see the other.
	 * The test waits for its own transactions only: a transaction of someone else's
	 * waiting for a lock meanwhile (one is, throughout) neither starts the next step
	 * early nor holds it back.
	 */
	@Test
	void a_resolution_racing_a_curated_write_never_closes_a_cycle() throws Exception {
		String token = this.fixture.token();
		var scene = this.fixture.unresolved("Race");
		String bystander = "race-" + token + "/bystander";
		this.fixture.register(bystander, "Bystander " + token);
		var locks = new LockWaits(this.driver);
		Future<String> resolution;
		Future<String> curated;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor();
				var other = this.driver.session();
				var otherHold = other.beginTransaction(LockWaits.marked("other " + token));
				var holder = this.driver.session();
				var hold = holder.beginTransaction(LockWaits.marked(token))) {
			// Someone else's transaction waits for a lock the whole time.
			otherHold.run("MATCH (m:Model {id: $id}) SET m.heldByTest = true", Map.of("id", bystander)).consume();
			Future<?> waiting = pool.submit(() -> {
				try (var session = this.driver.session()) {
					session.executeWriteWithoutResult(
							tx -> tx.run("MATCH (m:Model {id: $id}) SET m.waitedByTest = true", Map.of("id", bystander))
								.consume());
				}
			});
			assertThat(locks.awaitBlockedBy(locks.idOf("other " + token), waiting))
				.as("the bystander waits for the other test's lock")
				.isNotNull();
			hold.run("MATCH (p:Model {id: $id}) SET p.heldByTest = true", Map.of("id", scene.placeholder())).consume();
			// An import that leaves a placeholder resolves the race's: it moves child
			// -> placeholder to child -> target, and waits for the placeholder.
			resolution = pool.submit(() -> this.fixture.resolveNames("Race"));
			String resolving = locks.awaitBlockedBy(locks.idOf(token), resolution);
			assertThat(resolving).as("the resolution waits for the placeholder").isNotNull();
			// The target derives from the child: with the resolution, a cycle.
			curated = pool.submit(() -> this.fixture.derive(scene.target(), scene.child()));
			assertThat(locks.awaitBlockedBy(resolving, curated)).as("the curated write queues behind the resolution")
				.isNotNull();
			hold.rollback();
			resolution.get(60, TimeUnit.SECONDS);
			curated.get(60, TimeUnit.SECONDS);
			otherHold.rollback();
			waiting.get(60, TimeUnit.SECONDS);
		}
		assertThat(this.fixture.ancestorsOf(scene.target())).doesNotContain(scene.target());
		assertThat(this.fixture.derivesFrom(scene.target(), scene.target())).as("a cycle through " + scene.target())
			.isFalse();
		// The resolution took the lock first: it moved, and the curated write saw it.
		assertThat(this.fixture.parentsOf(scene.child())).containsExactly(scene.target());
		var refused = JsonPath.parse(curated.get());
		assertThat(refused.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(refused.read("$.errors[0].message", String.class))
			.contains("would close a cycle: " + scene.target() + " -> " + scene.child() + " -> " + scene.target());
	}

}
