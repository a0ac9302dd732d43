package dev.pedigree.interchange;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.OwnJvm;
import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of work, then a restart on the same store: the database
 * recovers, every write that was acknowledged is there, no derivation is half-written or
 * closes a cycle, and the interrupted work can simply be done again. The killed process
 * is a separate JVM (the server or the CLI, started from the test's class path); the
 * checks run in a fresh start of the application on the recovered store.
 */
class CrashRestartTests {

	private static final String TOKEN = "crash-curator";

	@TempDir
	Path temp;

	@Test
	void an_import_killed_midway_leaves_a_consistent_graph_and_a_rerun_completes_it() throws Exception {
		Path store = this.temp.resolve("store");
		// 25,000 chains of three under 500 roots: 50,500 models, 50,000 derivations, each
		// written in batches of 10,000 rows.
		List<String> rows = IntStream.range(0, 25_000)
			.boxed()
			.flatMap(i -> Stream.of("crash/root-" + (i % 500) + ",crash/a-" + i + ",finetune",
					"crash/a-" + i + ",crash/b-" + i + ",quantized"))
			.toList();
		Path edges = Files.write(this.temp.resolve("edges.csv"),
				Stream.concat(Stream.of("parent_id,child_id,relation"), rows.stream()).toList());

		Path log = this.temp.resolve("import.log");
		// A first load: the import drops the search text indexes to populate them after
		// the load (DeferredIndexes), and is killed before it recreates them.
		Process cli = OwnJvm.start(log, "import", "--format", "hf-edges", edges.toString(),
				"--pedigree.embedded.data-dir=" + store, "--pedigree.embedded.bolt-port=0",
				"--pedigree.embedded.page-cache=64m", "--pedigree.import.defer-indexes-from=1");
		// Kill once the import has committed work: the transaction log has grown past
		// what start-up and the schema write.
		Path transactions = store.resolve("data/transactions/neo4j");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		while (cli.isAlive() && size(transactions) < 6_000_000 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(cli.isAlive()).as("the import was still running when killed (log: %s)", size(transactions)).isTrue();
		cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		long models;
		long derivations;
		try (var restarted = start(store)) {
			Driver driver = restarted.getBean(Driver.class);
			models = count(driver, "MATCH (m:Model) RETURN count(m) AS n");
			derivations = count(driver, "MATCH (:Model)-[d:DERIVED_FROM]->(:Model) RETURN count(d) AS n");
			System.out.printf("CrashRestartTests: killed the import with %,d models and %,d derivations written%n",
					models, derivations);
			assertThat(models).as("models written before the kill").isPositive().isLessThanOrEqualTo(50_500);
			assertThat(derivations).as("derivations written before the kill").isLessThan(50_000);
			assertConsistent(driver);
			// The start put back what the killed import dropped.
			assertThat(DeferredIndexTests.deferralsLeft(restarted)).isZero();
			assertThat(DeferredIndexTests.indexes(restarted)).anyMatch(i -> i.startsWith("model_search_text TEXT"))
				.anyMatch(i -> i.startsWith("model_search_tier_0 TEXT"))
				.allMatch(i -> i.endsWith("ONLINE"));
		}
		// Re-running the interrupted import completes it.
		int rerun = PedigreeApplication.runCommand("import", "--format", "hf-edges", edges.toString(),
				"--pedigree.embedded.data-dir=" + store, "--pedigree.embedded.bolt-port=0",
				"--pedigree.embedded.page-cache=64m");
		assertThat(rerun).isZero();
		try (var restarted = start(store)) {
			Driver driver = restarted.getBean(Driver.class);
			assertThat(count(driver, "MATCH (m:Model) RETURN count(m) AS n")).isEqualTo(50_500);
			assertThat(count(driver, "MATCH (:Model)-[d:DERIVED_FROM]->(:Model) RETURN count(d) AS n"))
				.isEqualTo(50_000);
			assertConsistent(driver);
		}
	}

	@Test
	void a_server_killed_while_serving_writes_keeps_every_acknowledged_write_and_serves_again() throws Exception {
		Path store = this.temp.resolve("store");
		Path log = this.temp.resolve("server.log");
		Process server = OwnJvm.start(log, "--pedigree.embedded.data-dir=" + store, "--pedigree.embedded.bolt-port=0",
				"--pedigree.embedded.page-cache=64m", "--pedigree.seed.enabled=false",
				"--pedigree.security.curator-token=" + TOKEN, "--server.port=0");
		int port = awaitPort(server, log);
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		for (int w = 0; w < 4; w++) {
			int writer = w;
			writers.submit(() -> {
				String previous = null;
				for (int i = 0; !stop.get(); i++) {
					String id = "crash/w" + writer + "-" + i;
					try {
						if (!ok(http, port, "mutation { registerModel(input: {id: \"" + id + "\", name: \"" + id
								+ "\"}) { id } }")) {
							continue;
						}
						acknowledged.add("model " + id);
						if (previous != null && ok(http, port, "mutation { recordDerivation(input: {childId: \"" + id
								+ "\", parentIds: [\"" + previous + "\"], relation: FINETUNE}) { relation } }")) {
							acknowledged.add("derivation " + id + " <- " + previous);
						}
						previous = id;
					}
					catch (IOException | InterruptedException ex) {
						return null;
					}
				}
				return null;
			});
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (acknowledged.size() < 120 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		stop.set(true);
		writers.shutdown();
		assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(120);

		try (var restarted = start(store)) {
			Driver driver = restarted.getBean(Driver.class);
			Set<String> stored = driver.executableQuery("""
					MATCH (m:Model) WHERE m.id STARTS WITH 'crash/' RETURN 'model ' + m.id AS fact
					UNION ALL
					MATCH (c:Model)-[:DERIVED_FROM]->(p:Model) WHERE c.id STARTS WITH 'crash/'
					RETURN 'derivation ' + c.id + ' <- ' + p.id AS fact""")
				.execute()
				.records()
				.stream()
				.map(r -> r.get("fact").asString())
				.collect(Collectors.toSet());
			assertThat(stored).as("acknowledged writes after the crash").containsAll(acknowledged);
			assertConsistent(driver);
			// The lineage lock and the cycle check work after recovery: closing the
			// acknowledged chain crash/w0-0 <- crash/w0-1 into a cycle is refused.
			assertThat(acknowledged).contains("derivation crash/w0-1 <- crash/w0-0");
			int restartedPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
			GraphQlClient.anonymous(restartedPort)
				.mutate()
				.header("Authorization", "Bearer " + TOKEN)
				.build()
				.document("mutation { recordDerivation(input: {childId: \"crash/w0-0\", parentIds: [\"crash/w0-1\"], "
						+ "relation: FINETUNE}) { relation } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
		}
	}

	/**
	 * What must hold in any store, whenever the process stopped: every model has its id
	 * and search key (written in the same statement), ids are unique, derivations carry
	 * their relation, none closes a cycle, the lineage lock is one node.
	 */
	private static void assertConsistent(Driver driver) {
		assertThat(count(driver, "MATCH (m:Model) WHERE m.id IS NULL OR m.searchText IS NULL RETURN count(m) AS n"))
			.as("models without id or search key")
			.isZero();
		assertThat(count(driver, "MATCH (m:Model) WITH m.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"))
			.as("duplicate model ids")
			.isZero();
		assertThat(count(driver, "MATCH ()-[d:DERIVED_FROM]->() WHERE d.relation IS NULL RETURN count(d) AS n"))
			.as("derivations without a relation")
			.isZero();
		assertThat(count(driver, "MATCH (m:Model) WHERE EXISTS { (m)-[:DERIVED_FROM]->+(m) } RETURN count(m) AS n"))
			.as("models that are their own ancestor")
			.isZero();
		assertThat(count(driver, "MATCH (l:__LineageLock) RETURN count(l) AS n")).isLessThanOrEqualTo(1);
	}

	private static long count(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records().get(0).get("n").asLong();
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.data-dir=" + store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m",
				"--pedigree.seed.enabled=false", "--pedigree.security.curator-token=" + TOKEN,
				"--pedigree.limits.read-timeout=60s", "--server.port=0");
	}

	/** Waits until the server's log names its HTTP port. */
	private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
		var pattern = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		while (server.isAlive() && System.nanoTime() < deadline) {
			var matcher = pattern.matcher(Files.readString(log));
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the server did not listen: " + tail(log));
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static boolean ok(HttpClient http, int port, String mutation) throws IOException, InterruptedException {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers
				.ofString(new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("query", mutation))))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 && !response.body().contains("\"errors\"");
	}

	private static long size(Path folder) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(Path::toFile).mapToLong(File::length).sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
