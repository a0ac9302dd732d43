package dev.pedigree.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's store written by the previous release (schema V0001 only, its data as that
 * release wrote it) is upgraded when this release starts on it: the newer migrations run,
 * the old data reads as before, and writes that need the new schema work.
 */
class StoreUpgradeTests {

	/** The previous release's only schema migration, as it shipped. */
	private static final List<String> PREVIOUS_SCHEMA = List.of(
			"CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE",
			"CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
			"CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:__SchemaMigration) REQUIRE n.version IS UNIQUE",
			"CREATE TEXT INDEX model_search_text IF NOT EXISTS FOR (n:Model) ON (n.searchText)",
			"CREATE INDEX derivation_relation IF NOT EXISTS FOR ()-[r:DERIVED_FROM]-() ON (r.relation)",
			"CREATE INDEX model_developer IF NOT EXISTS FOR (n:Model) ON (n.developerId)");

	/** Models, an organisation and a derivation, as the previous release's writes stored them. */
	private static final String PREVIOUS_DATA = """
			CREATE (o:Organization {id: 'old-lab', name: 'Old Lab', aliases: ['Old Lab Inc']})
			CREATE (base:Model {id: 'old-lab/base', name: 'Base', developerId: 'old-lab', releaseDate: '2023-04-01',
			        access: 'OPEN_WEIGHTS', license: 'apache-2.0', sources: ['manual'], searchText: 'old-lab/base base',
			        createdAt: datetime()})
			CREATE (tune:Model {id: 'old-lab/tune', name: 'Tune', developerId: 'old-lab', sources: ['manual'],
			        searchText: 'old-lab/tune tune', createdAt: datetime()})
			CREATE (base)-[:DEVELOPED_BY {primary: true}]->(o), (tune)-[:DEVELOPED_BY {primary: true}]->(o)
			CREATE (tune)-[:DERIVED_FROM {relation: 'FINETUNE', source: 'manual', confidence: 1.0, curated: true,
			        safetyEffect: 'UNKNOWN', capabilityEffect: 'UNKNOWN', date: '2023-05-02'}]->(base)
			CREATE (:__SchemaMigration {version: 1, script: 'V0001__constraints_and_indexes.cypher',
			        checksum: 'previous-release', appliedAt: datetime()})""";

	@TempDir
	Path store;

	@Test
	void a_store_of_the_previous_release_is_migrated_at_start_and_keeps_its_data() {
		writePreviousRelease();
		try (var context = start()) {
			var driver = context.getBean(Driver.class);
			assertThat(driver.executableQuery("MATCH (m:__SchemaMigration) RETURN m.version AS v ORDER BY v")
				.execute()
				.records()
				.stream()
				.map(r -> r.get("v").asInt())).containsExactlyElementsOf(shippedVersions()).startsWith(1, 2, 3);
			assertThat(driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
				.execute()
				.records()
				.get(0)
				.get("names")
				.asList(v -> v.asString())).contains("lineage_lock_id", "revenue_id", "model_id");

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			var tune = GraphQlClient.anonymous(port)
				.document("""
						{ model(id: "old-lab/tune") { name developer { id name }
						    parents { relation date parent { id releaseDate access license } } } }""")
				.execute()
				.path("model")
				.entity(Map.class)
				.get();
			assertThat(tune).containsEntry("name", "Tune")
				.containsEntry("developer", Map.of("id", "old-lab", "name", "Old Lab"))
				.containsEntry("parents", List.of(Map.of("relation", "FINETUNE", "date", "2023-05-02", "parent",
						Map.of("id", "old-lab/base", "releaseDate", "2023-04-01", "access", "OPEN_WEIGHTS", "license",
								"apache-2.0"))));

			// V0011 gave the previous release's models their search order key and a
			// search text between spaces: a search pages
			// them by keyset, the exact name first, and the walk of the searchKey index
			// finds them too.
			assertThat(driver
				.executableQuery("MATCH (m:Model) WHERE m.searchKey IS NULL OR NOT m.searchText STARTS WITH ' ' "
						+ "OR NOT m.searchText ENDS WITH ' ' "
						+ "RETURN count(m) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asInt()).isZero();
			var search = GraphQlClient.anonymous(port)
				.document("{ models(filter: {nameContains: \"old-lab/\"}, first: 1) { edges { cursor node { id } } } }")
				.execute();
			search.path("models.edges[*].node.id").entityList(String.class).containsExactly("old-lab/base");
			String cursor = search.path("models.edges[0].cursor").entity(String.class).get();
			GraphQlClient.anonymous(port)
				.document("query($after: String) { models(filter: {nameContains: \"old-lab/\"}, after: $after) "
						+ "{ edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } }")
				.variable("after", cursor)
				.execute()
				.path("models.edges[*].node.id")
				.entityList(String.class)
				.containsExactly("old-lab/tune");

			// A derivation write takes the lineage lock, which needs V0002's constraint.
			var curator = GraphQlClient.curator(port);
			curator.document("mutation { registerModel(input: {id: \"old-lab/tune-gguf\", name: \"Tune GGUF\"}) { id } }")
				.execute()
				.path("registerModel.id")
				.entity(String.class)
				.isEqualTo("old-lab/tune-gguf");
			curator
				.document("mutation { recordDerivation(input: {childId: \"old-lab/tune-gguf\", parentIds: [\"old-lab/tune\"], "
						+ "relation: QUANTIZED, date: \"2023-06-01\"}) { relation date } }")
				.execute()
				.path("recordDerivation[0].date")
				.entity(String.class)
				.isEqualTo("2023-06-01");
		}
	}

	/** Versions of the migrations this release ships, in order. */
	private static List<Integer> shippedVersions() {
		try (var files = java.nio.file.Files.list(Path.of("cypher", "schema"))) {
			return files.map(f -> f.getFileName().toString())
				.filter(name -> name.matches("V\\d+__.+\\.cypher"))
				.map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
				.sorted()
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void writePreviousRelease() {
		var service = new DatabaseManagementServiceBuilder(this.store).setConfig(BoltConnector.enabled, false)
			.setConfig(HttpConnector.enabled, false)
			.build();
		try {
			GraphDatabaseService database = service.database("neo4j");
			for (String statement : PREVIOUS_SCHEMA) {
				database.executeTransactionally(statement);
			}
			database.executeTransactionally(PREVIOUS_DATA);
		}
		finally {
			service.shutdown();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m", "--server.port=0",
				"--pedigree.seed.enabled=false", "--pedigree.security.curator-token=" + PedigreeServerTest.TOKEN);
	}

}
