package dev.pedigree.interchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A first load that populates the search text indexes after it writes
 * ({@link DeferredIndexes}): the store ends with exactly the indexes of the schema
 * migrations, online, and answers searches as a store loaded with the indexes in place;
 * an import that fails midway puts them back too. (A crash midway:
 * {@code CrashRestartTests}.)
 */
class DeferredIndexTests {

	private static final String TOKEN = "deferred-curator";

	/** Defers the text indexes of any import into an empty store, however small. */
	private static final String DEFER = "--pedigree.import.defer-indexes-from=1";

	private static final String KEEP = "--pedigree.import.defer-indexes-from=1000000000";

	@TempDir
	Path temp;

	@Test
	void a_first_load_ends_with_the_migrations_indexes_online_and_the_same_search_answers() throws Exception {
		// 300 derivations of five roots, every model a placeholder.
		List<String> rows = IntStream.range(0, 300)
			.mapToObj(i -> "deferred/root-" + (i % 5) + ",deferred/tune-" + i + "-of-" + (i % 5) + ",finetune")
			.toList();
		Path edges = Files.write(this.temp.resolve("edges.csv"),
				Stream.concat(Stream.of("parent_id,child_id,relation"), rows.stream()).toList());
		Path deferred = this.temp.resolve("deferred");
		Path kept = this.temp.resolve("kept");
		assertThat(importEdges(edges, deferred, DEFER)).isZero();
		assertThat(importEdges(edges, kept, KEEP)).isZero();

		try (var a = start(deferred); var b = start(kept)) {
			assertThat(indexes(a)).isEqualTo(indexes(b))
				.anyMatch(i -> i.startsWith("model_search_text TEXT"))
				.anyMatch(i -> i.startsWith("model_search_tier_0 TEXT"))
				.allMatch(i -> i.endsWith("ONLINE"));
			assertThat(deferralsLeft(a)).isZero();
			for (String term : List.of("tune-1", "root-3", "of-4", "deferred/tune-29")) {
				assertThat(search(a, term)).as(term).isEqualTo(search(b, term)).isNotEmpty();
			}
		}
	}

	@Test
	void an_import_that_fails_midway_puts_the_indexes_back() throws Exception {
		Path reference = this.temp.resolve("reference");
		// Good records, then a quoted field that never closes: the file is refused.
		List<String> lines = new ArrayList<>(List.of("parent_id,child_id,relation"));
		IntStream.range(0, 4).forEach(i -> lines.add("failed/root,failed/tune-" + i + ",finetune"));
		lines.add("failed/root,\"failed/open,finetune");
		Path edges = Files.write(this.temp.resolve("bad.csv"), lines);
		Path store = this.temp.resolve("store");
		assertThat(importEdges(edges, store, DEFER, "--pedigree.import.chunk-size=2")).isEqualTo(1);

		try (var failed = start(store); var fresh = start(reference)) {
			assertThat(indexes(failed)).isEqualTo(indexes(fresh)).anyMatch(i -> i.startsWith("model_search_text"));
			assertThat(deferralsLeft(failed)).isZero();
		}
	}

	@Test
	void a_start_recreates_what_a_crashed_import_deferred_from_the_statements_kept_with_it() throws Exception {
		Path store = this.temp.resolve("crashed");
		Path reference = this.temp.resolve("reference");
		// What an import leaves when it is killed between drop and recreate: the marker,
		// with the store's own statements (two text indexes), or with names only (an
		// earlier release's marker).
		try (var app = start(store)) {
			var driver = app.getBean(Driver.class);
			var statements = driver
				.executableQuery("SHOW INDEXES YIELD name, createStatement "
						+ "WHERE name IN ['model_search_text', 'model_search_tier_3'] "
						+ "RETURN collect(name) AS names, collect(createStatement) AS statements")
				.execute()
				.records()
				.get(0);
			driver.executableQuery("CREATE (:__DeferredIndexes {id: 'import', names: $names, statements: $statements})")
				.withParameters(java.util.Map.of("names", statements.get("names").asList(), "statements",
						statements.get("statements").asList()))
				.execute();
			// A kept statement runs only as a text index of models under its own name,
			// made
			// idempotent (the marker is data).
			String tier3 = statements.get("statements")
				.asList(v -> v.asString())
				.get(statements.get("names").asList(v -> v.asString()).indexOf("model_search_tier_3"));
			assertThat(DeferredIndexes.fromKept("model_search_tier_3", tier3))
				.startsWith("CREATE TEXT INDEX `model_search_tier_3` IF NOT EXISTS FOR (");
			assertThatThrownBy(() -> DeferredIndexes.fromKept("model_search_tier_4", tier3))
				.isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(
					() -> DeferredIndexes.fromKept("model_search_tier_3", tier3 + " MATCH (n) DETACH DELETE n"))
				.isInstanceOf(IllegalStateException.class);
			driver.executableQuery("DROP INDEX model_search_text").execute();
			driver.executableQuery("DROP INDEX model_search_tier_3").execute();
		}
		try (var restarted = start(store); var fresh = start(reference)) {
			assertThat(indexes(restarted)).isEqualTo(indexes(fresh))
				.anyMatch(i -> i.startsWith("model_search_text TEXT"));
			assertThat(deferralsLeft(restarted)).isZero();
			var driver = restarted.getBean(Driver.class);
			driver.executableQuery("CREATE (:__DeferredIndexes {id: 'import', names: ['model_search_text']})")
				.execute();
			driver.executableQuery("DROP INDEX model_search_text").execute();
		}
		try (var restarted = start(store); var fresh = start(reference)) {
			assertThat(indexes(restarted)).isEqualTo(indexes(fresh));
			assertThat(deferralsLeft(restarted)).isZero();
		}
	}

	private static int importEdges(Path edges, Path store, String... options) {
		List<String> args = new ArrayList<>(
				List.of("import", "--format", "hf-edges", edges.toString(), "--pedigree.embedded.data-dir=" + store,
						"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m"));
		args.addAll(List.of(options));
		return PedigreeApplication.runCommand(args.toArray(String[]::new));
	}

	/** Every index's definition and state, as SHOW INDEXES gives them. */
	static List<String> indexes(ConfigurableApplicationContext app) {
		return app.getBean(Driver.class)
			.executableQuery("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, "
					+ "options, state RETURN name, type, entityType, labelsOrTypes, properties, indexProvider, "
					+ "options, state ORDER BY name")
			.execute()
			.records()
			.stream()
			.map(r -> String.join(" ", r.values().stream().map(v -> sorted(v.asObject())).toList()))
			.toList();
	}

	/** A value as text, maps in key order (SHOW INDEXES's options). */
	private static String sorted(Object value) {
		if (value instanceof java.util.Map<?, ?> map) {
			var byKey = new java.util.TreeMap<String, String>();
			map.forEach((k, v) -> byKey.put(String.valueOf(k), sorted(v)));
			return byKey.toString();
		}
		return String.valueOf(value);
	}

	static long deferralsLeft(ConfigurableApplicationContext app) {
		return count(app, "MATCH (d:__DeferredIndexes) RETURN count(d) AS n");
	}

	private static long count(ConfigurableApplicationContext app, String query) {
		return app.getBean(Driver.class).executableQuery(query).execute().records().get(0).get("n").asLong();
	}

	private static List<String> search(ConfigurableApplicationContext app, String term) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return GraphQlClient.anonymous(port)
			.mutate()
			.header("Authorization", "Bearer " + TOKEN)
			.build()
			.document("{ models(filter: {nameContains: \"" + term + "\", includePlaceholders: true}, first: 100) "
					+ "{ edges { node { id } } } }")
			.execute()
			.path("models.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.data-dir=" + store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m",
				"--pedigree.seed.enabled=false", "--pedigree.security.curator-token=" + TOKEN,
				"--pedigree.warmup.requests=0", "--server.port=0");
	}

}
