package dev.pedigree.lineage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The data-quality report over GraphQL and the CLI, checked against the graph itself. */
@PedigreeServerTest
class DataQualityTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@TempDir
	Path temp;

	@Test
	void data_quality_counts_what_the_graph_lacks() {
		Map<String, Object> quality = GraphQlClient.anonymous(this.port)
			.document("{ dataQuality { models withoutDeveloper withoutCompute withoutDate placeholders "
					+ "placeholdersBySource { source placeholders examples } modelsBySource { source models } } }")
			.execute()
			.path("dataQuality")
			.entity(Map.class)
			.get();
		try (var session = this.driver.session()) {
			var expected = session.run("""
					MATCH (m:Model) WHERE NOT coalesce(m.placeholder, false)
					RETURN count(m) AS models,
					       count(CASE WHEN NOT EXISTS { (m)-[:DEVELOPED_BY]->() } THEN 1 END) AS withoutDeveloper,
					       count(CASE WHEN m.trainingComputeFlop IS NULL THEN 1 END) AS withoutCompute""").single();
			assertThat(quality.get("models")).isEqualTo(expected.get("models").asInt());
			assertThat(quality.get("withoutDeveloper")).isEqualTo(expected.get("withoutDeveloper").asInt());
			assertThat(quality.get("withoutCompute")).isEqualTo(expected.get("withoutCompute").asInt());
			int placeholders = session.run("MATCH (p:Model) WHERE p.placeholder RETURN count(p) AS n")
				.single()
				.get("n")
				.asInt();
			assertThat(quality.get("placeholders")).isEqualTo(placeholders);
		}
		// The seed's three unresolved Epoch AI base models are listed under their source.
		assertThat((java.util.List<Map<String, Object>>) quality.get("placeholdersBySource")).anySatisfy(group -> {
			assertThat(group.get("source")).isEqualTo("epoch");
			assertThat((java.util.List<String>) group.get("examples")).contains("InternViT-6B");
		});
		assertThat((java.util.List<Map<String, Object>>) quality.get("modelsBySource")).extracting(s -> s.get("source"))
			.contains("huggingface", "epoch", "pedigree-seed");
	}

	@Test
	void the_audit_command_prints_the_report_through_a_running_service() throws Exception {
		Path out = this.temp.resolve("audit.md");
		assertThat(PedigreeApplication.runCommand("audit", "--out", out.toString(), "--server",
				"http://localhost:" + this.port))
			.isZero();
		assertThat(Files.readString(out)).startsWith("# Data quality")
			.contains("… without training compute")
			.contains("## Placeholders by the source that referenced them");
	}

}
