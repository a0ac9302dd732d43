package dev.pedigree.storage;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-graph backup ({@code GET /export/jsonl}) is closed under its links: every
 * node a link names is itself in the file, so a restore never refuses a link for a
 * missing end; it carries every label of the graph except Pedigree's internal
 * {@code __} nodes and the search tiers of models (derived from their downloads by every
 * writer, a restore included: V0012), and never a token or a password, even when an
 * internal node holding one is linked to a model.
 */
@PedigreeServerTest
class BackupContentsTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded;

	@Test
	void the_backup_carries_every_node_its_links_name_and_no_internal_node_token_or_password() throws Exception {
		String secret = "secret-" + System.nanoTime();
		this.driver.executableQuery("""
				MATCH (m:Model {id: 'meta-llama/Llama-2-7b'})
				CREATE (:__BackupProbe {id: 'probe', token: $secret})-[:GUARDS {token: $secret}]->(m)""")
			.withParameters(Map.of("secret", secret))
			.execute();
		try {
			String backup = new String(GraphQlClient.http(this.port)
				.get()
				.uri("/export/jsonl")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody(), StandardCharsets.UTF_8);
			// Booleans: a failure message must not print the whole graph.
			assertThat(backup.contains(secret)).as("the probe's token in the backup").isFalse();
			assertThat(backup.contains("__BackupProbe") || backup.contains("GUARDS") || backup.contains("\"label\":\"__"))
				.as("an internal node or its link in the backup")
				.isFalse();
			assertThat(backup.contains(PedigreeServerTest.TOKEN)).as("the curator token in the backup").isFalse();
			assertThat(backup.contains(this.embedded.credentials().password())).as("the Bolt password in the backup")
				.isFalse();

			JsonMapper json = JsonMapper.builder().build();
			Set<String> carried = new HashSet<>();
			Set<String> linkEnds = new HashSet<>();
			Set<String> labels = new HashSet<>();
			for (String line : backup.lines().toList()) {
				Map<?, ?> record = json.readValue(line, Map.class);
				switch (String.valueOf(record.get("type"))) {
					case "organization" -> {
						carried.add("Organization\u0000" + ((Map<?, ?>) record.get("properties")).get("id"));
						labels.add("Organization");
					}
					case "model" -> {
						carried.add("Model\u0000" + record.get("id"));
						labels.add("Model");
					}
					case "node" -> {
						carried.add(record.get("label") + "\u0000" + record.get("id"));
						labels.add(String.valueOf(record.get("label")));
					}
					case "link" -> {
						linkEnds.add(record.get("fromLabel") + "\u0000" + record.get("from"));
						linkEnds.add(record.get("toLabel") + "\u0000" + record.get("to"));
					}
					default -> {
					}
				}
			}
			assertThat(linkEnds).as("links in the backup").isNotEmpty();
			assertThat(carried).as("nodes the backup's links name").containsAll(linkEnds);
			List<String> graphLabels = this.driver.executableQuery("""
					MATCH (n) UNWIND labels(n) AS label
					WITH DISTINCT label WHERE NOT label STARTS WITH '__' AND NOT label STARTS WITH 'SearchTier'
					RETURN label""").execute().records().stream().map(r -> r.get("label").asString()).toList();
			assertThat(graphLabels).contains("Model", "Organization", "License", "Revenue");
			assertThat(labels).as("labels in the backup").containsAll(graphLabels);
		}
		finally {
			this.driver.executableQuery("MATCH (p:__BackupProbe) DETACH DELETE p").execute();
		}
	}

}
