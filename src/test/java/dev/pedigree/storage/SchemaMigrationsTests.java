package dev.pedigree.storage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

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
		var migrations = new SchemaMigrations(this.driver, "classpath*:cypher/migration-probe/V*__*.cypher");
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

}
