package dev.pedigree.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;

import dev.pedigree.UnseededServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow-query log ({@code pedigree.slow-query-threshold}, 1 s by default): a query
 * that held its session that long is logged once with its Cypher file and the GraphQL
 * operation that ran it; quick ones are not. Same server as UnseededServerTests (3 s read
 * budget, no seed).
 */
@ExtendWith(OutputCaptureExtension.class)
@UnseededServerTest
class SlowQueryLogTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void a_query_past_the_threshold_is_logged_with_its_cypher_file_and_graphql_operation(CapturedOutput output) {
		// 30 diamonds in a chain: the foundations traversal runs into the 3 s budget.
		this.driver.executableQuery("""
				UNWIND range(0, 29) AS i
				MERGE (a:Model {id: 'slow/diamond-a' + i}) SET a.name = a.id
				MERGE (b:Model {id: 'slow/diamond-b' + i}) SET b.name = b.id
				MERGE (c:Model {id: 'slow/diamond-c' + i}) SET c.name = c.id
				MERGE (next:Model {id: 'slow/diamond-a' + (i + 1)}) SET next.name = next.id
				MERGE (b)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(a)
				MERGE (c)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(a)
				MERGE (next)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(b)
				MERGE (next)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(c)
				""").execute();
		GraphQlClient.postAnonymous(this.port, "query QuickLookup { model(id: \"slow/diamond-a0\") { id name } }");
		GraphQlClient.postAnonymous(this.port,
				"query SlowFoundations { model(id: \"slow/diamond-a30\") { foundations { id } } }");

		assertThat(output.getOut().lines().filter(l -> l.contains("Slow read query"))).anySatisfy(line -> assertThat(
				line)
			.contains("dev.pedigree.slow-queries")
			.containsPattern(
					"Slow read query: [3-9]\\d{3} ms, cypher lineage/foundations\\S*, GraphQL operation SlowFoundations"))
			.noneSatisfy(line -> assertThat(line).contains("QuickLookup"));
	}

}
