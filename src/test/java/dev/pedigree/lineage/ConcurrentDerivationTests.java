package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage graph's core promise under concurrency: three writes {@code a ← b},
 * {@code b ← c}, {@code c ← a} sent at the same moment never all succeed (each alone is
 * fine; together they close a cycle), and the one refused is an ordinary BAD_REQUEST that
 * names the path.
 */
@PedigreeServerTest
class ConcurrentDerivationTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	CypherQueries cypher;

	@RepeatedTest(20)
	void three_concurrent_writes_never_close_a_cycle() throws Exception {
		String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		List<String> ids = List.of(prefix + "a", prefix + "b", prefix + "c");
		ids.forEach(this::register);
		var start = new CyclicBarrier(3);
		List<String> bodies = new ArrayList<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<String>> writes = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String child = ids.get(i);
				String parent = ids.get((i + 1) % 3);
				writes.add(pool.submit(() -> {
					start.await();
					return derive(child, parent);
				}));
			}
			for (var write : writes) {
				bodies.add(write.get());
			}
		}
		long succeeded = bodies.stream().filter(b -> !b.contains("\"errors\"")).count();
		assertThat(succeeded).as(bodies.toString()).isEqualTo(2);
		bodies.stream().filter(b -> b.contains("\"errors\"")).forEach(body -> {
			var json = JsonPath.parse(body);
			assertThat(json.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
			assertThat(json.read("$.errors[0].extensions.field", String.class)).isEqualTo("parentIds");
			assertThat(json.read("$.errors[0].message", String.class)).contains("would close a cycle");
		});
		for (String id : ids) {
			List<String> ancestors = JsonPath
				.parse(GraphQlClient.post(this.port, "{ model(id: \"" + id + "\") { ancestors { model { id } } } }"))
				.read("$.data.model.ancestors[*].model.id");
			assertThat(ancestors).as("ancestors of " + id).doesNotContain(id);
		}
	}

	@RepeatedTest(10)
	void an_import_racing_two_api_writes_never_closes_a_cycle() throws Exception {
		String prefix = "import-race-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		List<String> ids = List.of(prefix + "a", prefix + "b", prefix + "c");
		ids.forEach(this::register);
		var start = new CyclicBarrier(3);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<String>> writes = new ArrayList<>();
			writes.add(pool.submit(() -> {
				start.await();
				return derive(ids.get(0), ids.get(1));
			}));
			writes.add(pool.submit(() -> {
				start.await();
				return derive(ids.get(1), ids.get(2));
			}));
			// c derives from a, as a Hub edge list.
			String csv = "parent_id,child_id,relation\n" + ids.get(0) + "," + ids.get(2) + ",finetune\n";
			writes.add(pool.submit(() -> {
				start.await();
				return GraphQlClient.post(this.port,
						"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created cycles } }",
						Map.of("c", csv));
			}));
			for (var write : writes) {
				assertThat(write.get()).doesNotContain("INTERNAL_ERROR");
			}
		}
		int edges = 0;
		for (String id : ids) {
			var model = JsonPath.parse(GraphQlClient.post(this.port,
					"{ model(id: \"" + id + "\") { parents { parent { id } } ancestors { model { id } } } }"));
			List<String> ancestors = model.read("$.data.model.ancestors[*].model.id");
			assertThat(ancestors).as("ancestors of " + id).doesNotContain(id);
			edges += model.read("$.data.model.parents.length()", Integer.class);
		}
		assertThat(edges).as("edges among " + ids).isEqualTo(2);
	}

	/**
	 * A writer queued on the lineage lock counts the holder it waited for: an import
	 * reads from the count whether anyone else wrote derivations meanwhile, and its own
	 * parallel batches queue on the lock one behind the other.
	 */
	@Test
	void a_writer_queued_on_the_lineage_lock_counts_the_holder_it_waited_for() throws Exception {
		String lock = this.cypher.get("lineage/lock-lineage");
		Map<String, Object> curated = java.util.Collections.singletonMap("holder", null);
		try (var first = this.driver.session()) {
			first.executeWrite(tx -> tx.run(lock, curated).consume());
		}
		// The pool closes last: after the holder's transaction ends, whatever the
		// outcome.
		try (var pool = Executors.newVirtualThreadPerTaskExecutor();
				var holder = this.driver.session();
				var tx = holder.beginTransaction()) {
			long held = tx.run(lock, curated).single().get("before").asLong();
			Future<Long> queued = pool.submit(() -> {
				try (var session = this.driver.session()) {
					return session.executeWrite(t -> t.run(lock, curated).single().get("before").asLong());
				}
			});
			// The second writer reaches the lock and waits for it before the first
			// commits.
			Thread.sleep(500);
			assertThat(queued).isNotDone();
			tx.commit();
			assertThat(queued.get()).isEqualTo(held + 1);
		}
	}

	private void register(String id) {
		String body = GraphQlClient.post(this.port,
				"mutation { registerModel(input: {id: \"" + id + "\", name: \"" + id + "\"}) { id } }");
		assertThat(body).doesNotContain("\"errors\"");
	}

	private String derive(String child, String parent) {
		return GraphQlClient.post(this.port, "mutation { recordDerivation(input: {childId: \"" + child
				+ "\", parentIds: [\"" + parent + "\"], relation: FINETUNE}) { relation } }");
	}

}
