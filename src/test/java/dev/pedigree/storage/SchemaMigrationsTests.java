package dev.pedigree.storage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration runner against the embedded database: a script is split into statements
 * at the semicolons that are code, not at those in strings, backticked names or comments,
 * and it runs once.
 */
@PedigreeServerTest
class SchemaMigrationsTests {

	@Autowired
	Driver driver;

	@AfterEach
	void removeProbe() {
		this.driver
			.executableQuery("MATCH (n) WHERE n:__MigrationProbe OR (n:__SchemaMigration AND n.version = 9001) "
					+ "DETACH DELETE n")
			.execute();
	}

	@Test
	void splits_statements_at_code_semicolons_only_and_applies_a_script_once() {
		var migrations = new SchemaMigrations(this.driver, "classpath*:cypher/migration-probe/V*__*.cypher", true);
		migrations.migrate();
		migrations.migrate();
		List<Map<String, Object>> probes = this.driver
			.executableQuery("MATCH (p:__MigrationProbe) RETURN p {.*} AS p ORDER BY p.n")
			.execute()
			.records()
			.stream()
			.map(r -> r.get("p").asMap())
			.toList();
		assertThat(probes).containsExactly(Map.of("n", 1L, "text", "a; b", "url", "https://example.org/x;y"),
				Map.of("n", 2L, "text", "it's; \"quoted\"; fine"),
				Map.of("n", 3L, "text", "escaped ' quote; and // no comment", "odd;name", "backticks; too"));
		assertThat(this.driver.executableQuery("MATCH (m:__SchemaMigration {version: 9001}) RETURN m.script AS script")
			.execute()
			.records()).singleElement()
			.satisfies(
					r -> assertThat(r.get("script").asString()).isEqualTo("V9001__statements_with_semicolons.cypher"));
	}

	/**
	 * A process that may not migrate (a command through a running server's database) only
	 * checks: a migration not applied ends it naming the script, and nothing is written.
	 */
	@Test
	void a_process_that_does_not_apply_migrations_refuses_a_store_that_lacks_one_and_writes_nothing() {
		String probes = "classpath*:cypher/migration-probe/V*__*.cypher";
		assertThatThrownBy(() -> new SchemaMigrations(this.driver, probes, false).migrate())
			.isInstanceOfSatisfying(SchemaBehindException.class,
					ex -> assertThat(ex.missing()).containsExactly("V9001__statements_with_semicolons.cypher"))
			.hasMessageContaining("pedigree.schema.apply-migrations=false");
		assertThat(this.driver
			.executableQuery("MATCH (n) WHERE n:__MigrationProbe OR n:__SchemaMigration AND "
					+ "n.version = 9001 RETURN count(n) AS n")
			.execute()
			.records()
			.get(0)
			.get("n")
			.asInt()).isZero();
		// Once applied (by the server), the check passes.
		new SchemaMigrations(this.driver, probes, true).migrate();
		new SchemaMigrations(this.driver, probes, false).migrate();
	}

	/**
	 * V0012 on a store of the release before it: a model without its download tier label
	 * (or with a wrong one) gets the one label of its searchKey.
	 */
	@Test
	void the_search_tier_migration_labels_a_model_of_an_older_store() throws Exception {
		String id = "tier-probe-lab/unlabelled";
		this.driver.executableQuery("""
				CREATE (m:Model:SearchTier9 {id: $id, downloads: 42, searchKey: '999999999999999957 ' + $id})""")
			.withParameters(Map.of("id", id))
			.execute();
		try {
			applyScript("cypher/schema/V0012__search_tiers.cypher");
			assertThat(this.driver
				.executableQuery(
						"MATCH (m:Model {id: $id}) RETURN [l IN labels(m) WHERE l STARTS WITH 'SearchTier'] AS t")
				.withParameters(Map.of("id", id))
				.execute()
				.records()).singleElement()
				.satisfies(r -> assertThat(r.get("t").asList()).containsExactly("SearchTier2"));
		}
		finally {
			this.driver.executableQuery("MATCH (m:Model {id: $id}) DETACH DELETE m")
				.withParameters(Map.of("id", id))
				.execute();
		}
	}

	/**
	 * V0013 on a store of the release before it: each stored date gets the source the
	 * rules read it by before (Epoch AI's where Epoch AI describes the model, else the
	 * Hub's repository creation), and a date of no known source is marked so.
	 */
	@Test
	void the_release_date_migration_records_the_source_each_stored_date_was_read_by() throws Exception {
		Map<String, List<String>> probes = Map.of("date-probe-lab/both", List.of("huggingface", "epoch"),
				"date-probe-lab/hub", List.of("huggingface"), "date-probe-lab/graphs", List.of("ecosystem-graphs"),
				"date-probe-lab/none", List.of());
		this.driver.executableQuery("""
				UNWIND keys($probes) AS id
				CREATE (:Model {id: id, releaseDate: '2024-01-02', sources: $probes[id]})""")
			.withParameters(Map.of("probes", probes))
			.execute();
		this.driver.executableQuery("CREATE (:Model {id: 'date-probe-lab/undated', sources: ['huggingface']})")
			.execute();
		try {
			applyScript("cypher/schema/V0013__release_date_sources.cypher");
			var sources = new java.util.HashMap<String, Object>();
			this.driver
				.executableQuery("MATCH (m:Model) WHERE m.id STARTS WITH 'date-probe-lab/' "
						+ "RETURN m.id AS id, m.releaseDateSource AS source")
				.execute()
				.records()
				.forEach(r -> sources.put(r.get("id").asString(), r.get("source").asObject()));
			assertThat(sources).containsEntry("date-probe-lab/both", "epoch")
				.containsEntry("date-probe-lab/hub", "hf:created")
				.containsEntry("date-probe-lab/graphs", "ecosystem-graphs")
				.containsEntry("date-probe-lab/none", "unknown")
				.containsEntry("date-probe-lab/undated", null);
		}
		finally {
			this.driver.executableQuery("MATCH (m:Model) WHERE m.id STARTS WITH 'date-probe-lab/' DETACH DELETE m")
				.execute();
		}
	}

	/**
	 * V0014 on a store of the release before it: a licence id stored as a curator typed
	 * it is lowered to the catalogue's key; others stay as they are.
	 */
	@Test
	void the_licence_migration_lowers_ids_stored_as_typed() throws Exception {
		this.driver.executableQuery("""
				CREATE (:Model {id: 'licence-probe-lab/typed', license: 'Apache-2.0'}),
				       (:Model {id: 'licence-probe-lab/lower', license: 'mit'}),
				       (:Model {id: 'licence-probe-lab/none'})""").execute();
		try {
			applyScript("cypher/schema/V0014__license_ids_lower_case.cypher");
			var licences = new java.util.HashMap<String, Object>();
			this.driver
				.executableQuery("MATCH (m:Model) WHERE m.id STARTS WITH 'licence-probe-lab/' "
						+ "RETURN m.id AS id, m.license AS license")
				.execute()
				.records()
				.forEach(r -> licences.put(r.get("id").asString(), r.get("license").asObject()));
			assertThat(licences).containsEntry("licence-probe-lab/typed", "apache-2.0")
				.containsEntry("licence-probe-lab/lower", "mit")
				.containsEntry("licence-probe-lab/none", null);
		}
		finally {
			this.driver.executableQuery("MATCH (m:Model) WHERE m.id STARTS WITH 'licence-probe-lab/' DETACH DELETE m")
				.execute();
		}
	}

	/**
	 * Runs one schema migration script as SchemaMigrations does, statement by statement.
	 */
	private void applyScript(String resource) throws java.io.IOException {
		String script = new String(new ClassPathResource(resource).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		try (var session = this.driver.session()) {
			for (String statement : CypherScript.statements(script)) {
				session.run(statement).consume();
			}
		}
	}

}
