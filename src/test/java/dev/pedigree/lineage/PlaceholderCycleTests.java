package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolving a placeholder moves its derivations to the model it names, and moving a
 * derivation is writing one: the no-cycle rule holds for it against the whole stored
 * graph, and under the lineage lock against a curated write racing it. A resolution that
 * would close a cycle leaves the placeholder whole and says which cycle.
 */
@PedigreeServerTest
class PlaceholderCycleTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	/**
	 * The target derives from the placeholder's child, directly or through a path longer
	 * than any bound a shortcut might put on the search.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 52 })
	void a_resolution_that_would_close_a_cycle_moves_nothing_and_names_the_cycle(int hops) {
		String token = token();
		try {
			// A child naming a base model nobody describes yet, and a sibling naming it
			// too.
			epoch("Cycle Child " + token + ",Cycle Lab " + token + ",2025-01-01,Cycle Base " + token + "\n"
					+ "Cycle Sibling " + token + ",Cycle Lab " + token + ",2025-01-01,Cycle Base " + token + "\n");
			String child = idOf("Cycle Child " + token);
			String sibling = idOf("Cycle Sibling " + token);
			String placeholder = parentsOf(child).get(0);
			assertThat(placeholder).isEqualTo(parentsOf(sibling).get(0));
			// The model the name means, which derives from the child.
			String target = "cycle-" + token + "/target";
			register(target, "Cycle Base " + token);
			List<String> cycle = new ArrayList<>(List.of(child, target));
			if (hops == 1) {
				assertNoErrors(derive(target, child));
			}
			else {
				StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
				String below = target;
				for (int i = 1; i < hops; i++) {
					String above = "cycle-" + token + "/x" + i;
					csv.append(above).append(',').append(below).append(",finetune\n");
					cycle.add(above);
					below = above;
				}
				csv.append(child).append(',').append(below).append(",finetune\n");
				assertNoErrors(
						post("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
								Map.of("c", csv.toString())));
			}
			cycle.add(child);
			assertThat(derivesFrom(target, child)).isTrue();

			// Any import that leaves a placeholder resolves names: this one's and the
			// earlier one's.
			var report = JsonPath.parse(resolveNames("Cycle", token));
			List<String> conflicts = report.read("$.data.importRecords.conflicts");
			List<String> resolved = report.read("$.data.importRecords.resolved");
			assertThat(conflicts).as("the conflict names the cycle")
				.anyMatch(c -> c.contains("'Cycle Base " + token + "' (" + placeholder + ", ")
						&& c.contains("would close a cycle: " + String.join(" -> ", cycle)));
			assertThat(resolved).noneMatch(r -> r.contains(placeholder));
			// Nothing of it moved: both children still derive from the placeholder.
			assertThat(parentsOf(child)).containsExactly(placeholder);
			assertThat(parentsOf(sibling)).containsExactly(placeholder);
			assertThat(derivesFrom(target, target)).as("a cycle through " + target).isFalse();
		}
		finally {
			forget(token);
		}
	}

	/**
	 * A placeholder a source also gave a parent (and a finding): resolving it moves its
	 * own derivation and links to the model it names, not only its children's; deleting
	 * the placeholder dropped them.
	 */
	@Test
	void a_resolution_keeps_the_placeholders_own_parents_and_links() {
		String token = token();
		try {
			epoch("Keep Child " + token + ",Keep Lab " + token + ",2025-01-01,Keep Base " + token + "\n");
			String child = idOf("Keep Child " + token);
			String placeholder = parentsOf(child).get(0);
			String grand = "keep-" + token + "/grand";
			register(grand, "Grand " + token);
			assertNoErrors(derive(placeholder, grand));
			String finding = "keep-" + token + "-finding";
			try (var session = this.driver.session()) {
				session
					.executeWrite(tx -> tx
						.run("MATCH (p:Model {id: $p}) CREATE (p)-[:HAS_FINDING]->(:RiskFinding "
								+ "{id: $f, title: 'test finding'})", Map.of("p", placeholder, "f", finding))
						.consume());
			}
			String target = "keep-" + token + "/target";
			register(target, "Keep Base " + token);

			var report = JsonPath.parse(resolveNames("Keep", token));
			List<String> resolved = report.read("$.data.importRecords.resolved");
			assertThat(resolved).anyMatch(r -> r.contains(placeholder));
			assertThat(parentsOf(child)).containsExactly(target);
			assertThat(parentsOf(target)).as("the placeholder's own parent").containsExactly(grand);
			try (var session = this.driver.session()) {
				assertThat(session
					.run("MATCH (m:Model {id: $m})-[:HAS_FINDING]->(f:RiskFinding {id: $f}) RETURN count(*) AS n",
							Map.of("m", target, "f", finding))
					.single()
					.get("n")
					.asLong()).as("the placeholder's finding").isEqualTo(1);
				session.executeWrite(
						tx -> tx.run("MATCH (f:RiskFinding {id: $f}) DETACH DELETE f", Map.of("f", finding)).consume());
			}
		}
		finally {
			forget(token);
		}
	}

	/**
	 * A curator retracted target <- grand; the placeholder's imported claim of the same
	 * pair goes with the placeholder instead of bringing the derivation back.
	 */
	@Test
	void a_resolution_does_not_restore_a_retracted_parent() {
		String token = token();
		try {
			epoch("Ret Child " + token + ",Ret Lab " + token + ",2025-01-01,Ret Base " + token + "\n");
			String child = idOf("Ret Child " + token);
			String placeholder = parentsOf(child).get(0);
			String target = "ret-" + token + "/target";
			register(target, "Ret Base " + token);
			String grand = "ret-" + token + "/grand";
			register(grand, "Grand " + token);
			assertNoErrors(derive(target, grand));
			assertNoErrors(post("mutation { retractDerivation(childId: \"" + target + "\", parentId: \"" + grand
					+ "\", reason: \"wrong\") { childId } }"));
			assertThat(parentsOf(target)).isEmpty();
			assertNoErrors(post("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
					Map.of("c", "parent_id,child_id,relation\n" + grand + "," + placeholder + ",quantized\n")));
			assertThat(parentsOf(placeholder)).containsExactly(grand);

			var report = JsonPath.parse(resolveNames("Ret", token));
			List<String> resolved = report.read("$.data.importRecords.resolved");
			assertThat(resolved).anyMatch(r -> r.contains(placeholder));
			assertThat(parentsOf(child)).containsExactly(target);
			assertThat(parentsOf(target)).as("a retracted derivation stays retracted").isEmpty();
		}
		finally {
			forget(token);
		}
	}

	/**
	 * The target's curated derivation keeps what the curator said: an imported claim of
	 * the same pair on the placeholder does not overwrite it.
	 */
	@Test
	void a_resolution_does_not_overwrite_a_curated_derivation() {
		String token = token();
		try {
			epoch("Cur Child " + token + ",Cur Lab " + token + ",2025-01-01,Cur Base " + token + "\n");
			String child = idOf("Cur Child " + token);
			String placeholder = parentsOf(child).get(0);
			String target = "cur-" + token + "/target";
			register(target, "Cur Base " + token);
			String grand = "cur-" + token + "/grand";
			register(grand, "Grand " + token);
			assertNoErrors(derive(target, grand));
			assertNoErrors(post("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
					Map.of("c", "parent_id,child_id,relation\n" + grand + "," + placeholder + ",quantized\n")));

			var report = JsonPath.parse(resolveNames("Cur", token));
			List<String> resolved = report.read("$.data.importRecords.resolved");
			assertThat(resolved).anyMatch(r -> r.contains(placeholder));
			List<String> relations = JsonPath
				.parse(post("query($id: ID!) { model(id: $id) { parents { relation parent { id } } } }",
						Map.of("id", target)))
				.read("$.data.model.parents[*].relation");
			assertThat(relations).as("the curator's relation").containsExactly("FINETUNE");
		}
		finally {
			forget(token);
		}
	}

	/**
	 * Moving the placeholder's own derivation would close a cycle: the parent it names
	 * derives from the model the placeholder's name means.
	 */
	@Test
	void a_resolution_whose_parent_move_would_close_a_cycle_moves_nothing() {
		String token = token();
		try {
			epoch("Up Child " + token + ",Up Lab " + token + ",2025-01-01,Up Base " + token + "\n");
			String child = idOf("Up Child " + token);
			String placeholder = parentsOf(child).get(0);
			String target = "up-" + token + "/target";
			register(target, "Up Base " + token);
			String grand = "up-" + token + "/grand";
			register(grand, "Grand " + token);
			assertNoErrors(derive(grand, target));
			assertNoErrors(derive(placeholder, grand));

			var report = JsonPath.parse(resolveNames("Up", token));
			List<String> conflicts = report.read("$.data.importRecords.conflicts");
			assertThat(conflicts).anyMatch(c -> c.contains("'Up Base " + token + "' (" + placeholder + ", ")
					&& c.contains("would close a cycle: " + target + " -> " + grand + " -> " + target));
			assertThat(parentsOf(child)).containsExactly(placeholder);
			assertThat(parentsOf(placeholder)).containsExactly(grand);
			assertThat(derivesFrom(target, target)).isFalse();
		}
		finally {
			forget(token);
		}
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
		String token = token();
		try {
			epoch("Race Child " + token + ",Race Lab " + token + ",2025-01-01,Race Base " + token + "\n");
			String child = idOf("Race Child " + token);
			String placeholder = parentsOf(child).get(0);
			String target = "race-" + token + "/target";
			register(target, "Race Base " + token);
			String bystander = "race-" + token + "/bystander";
			register(bystander, "Bystander " + token);
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
						session.executeWriteWithoutResult(tx -> tx
							.run("MATCH (m:Model {id: $id}) SET m.waitedByTest = true", Map.of("id", bystander))
							.consume());
					}
				});
				assertThat(locks.awaitBlockedBy(locks.idOf("other " + token), waiting))
					.as("the bystander waits for the other test's lock")
					.isNotNull();
				hold.run("MATCH (p:Model {id: $id}) SET p.heldByTest = true", Map.of("id", placeholder)).consume();
				// An import that leaves a placeholder resolves the race's: it moves
				// child -> placeholder to child -> target, and waits for the placeholder.
				resolution = pool.submit(() -> resolveNames("Race", token));
				String resolving = locks.awaitBlockedBy(locks.idOf(token), resolution);
				assertThat(resolving).as("the resolution waits for the placeholder").isNotNull();
				// The target derives from the child: with the resolution, a cycle.
				curated = pool.submit(() -> derive(target, child));
				assertThat(locks.awaitBlockedBy(resolving, curated))
					.as("the curated write queues behind the resolution")
					.isNotNull();
				hold.rollback();
				resolution.get(60, TimeUnit.SECONDS);
				curated.get(60, TimeUnit.SECONDS);
				otherHold.rollback();
				waiting.get(60, TimeUnit.SECONDS);
			}
			assertThat(ancestorsOf(target)).doesNotContain(target);
			assertThat(derivesFrom(target, target)).as("a cycle through " + target).isFalse();
			// The resolution took the lock first: it moved, and the curated write saw it.
			assertThat(parentsOf(child)).containsExactly(target);
			var refused = JsonPath.parse(curated.get());
			assertThat(refused.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
			assertThat(refused.read("$.errors[0].message", String.class))
				.contains("would close a cycle: " + target + " -> " + child + " -> " + target);
		}
		finally {
			forget(token);
		}
	}

	private static String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** Removes every model of a test (their ids and names carry its token). */
	private void forget(String token) {
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (m:Model) WHERE m.id CONTAINS $token DETACH DELETE m", Map.of("token", token))
						.consume());
		}
	}

	/**
	 * Whether a path of derivations of any length leads from {@code child} up to
	 * {@code ancestor} (beyond the API's clamp of 50 hops).
	 */
	private boolean derivesFrom(String child, String ancestor) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (c:Model {id: $child}), (a:Model {id: $ancestor}) "
						+ "RETURN EXISTS { (c)-[:DERIVED_FROM]->+(a) } AS derives",
						Map.of("child", child, "ancestor", ancestor))
				.single()
				.get("derives")
				.asBoolean();
		}
	}

	/** Registers a described model by id and display name. */
	private void register(String id, String name) {
		assertNoErrors(post("mutation { registerModel(input: {id: \"" + id + "\", name: \"" + name + "\"}) { id } }"));
	}

	/**
	 * An import that leaves a placeholder of its own: every such import resolves the
	 * names of the store's placeholders, the earlier ones included.
	 */
	private String resolveNames(String prefix, String token) {
		return epoch(prefix + " Trigger " + token + "," + prefix + " Lab " + token + ",2025-01-01," + prefix
				+ " Unknown " + token + "\n");
	}

	private String epoch(String rows) {
		return post("mutation($c: String!) { importRecords(format: EPOCH, content: $c) { conflicts resolved } }",
				Map.of("c", "Model,Organization,Publication date,Base model\n" + rows));
	}

	private String idOf(String name) {
		List<String> ids = JsonPath
			.parse(post("query($n: String!) { models(filter: {nameContains: $n}) { edges { node { id } } } }",
					Map.of("n", name)))
			.read("$.data.models.edges[*].node.id");
		assertThat(ids).as(name).hasSize(1);
		return ids.get(0);
	}

	private List<String> parentsOf(String id) {
		return JsonPath
			.parse(post("query($id: ID!) { model(id: $id) { parents { parent { id } } } }", Map.of("id", id)))
			.read("$.data.model.parents[*].parent.id");
	}

	private List<String> ancestorsOf(String id) {
		return JsonPath
			.parse(post("query($id: ID!) { model(id: $id) { ancestors { model { id } } } }", Map.of("id", id)))
			.read("$.data.model.ancestors[*].model.id");
	}

	private String derive(String child, String parent) {
		return post("mutation { recordDerivation(input: {childId: \"" + child + "\", parentIds: [\"" + parent
				+ "\"], relation: FINETUNE}) { relation } }");
	}

	private static void assertNoErrors(String body) {
		assertThat(body).doesNotContain("\"errors\"");
	}

	private String post(String query) {
		return post(query, Map.of());
	}

	private String post(String query, Map<String, Object> variables) {
		return GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + PedigreeServerTest.TOKEN)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
