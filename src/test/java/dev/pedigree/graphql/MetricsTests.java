package dev.pedigree.graphql;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} reports GraphQL request timings, errors by classification
 * and database work per query file; the database figures also show that a nested field
 * under 300 parents is one query, not 300.
 */
@PedigreeServerTest
class MetricsTests {

	@LocalServerPort
	int port;

	@Test
	void requests_errors_and_database_queries_are_measured() {
		post("{ model(id: \"google/gemma-7b\") { id } }");
		post("{ model(id: \"google/gemma-7b\") { children(first: -1) { totalCount } } }");
		post(BoundedWorkTests.THREE_LEVELS);
		String metrics = scrape();
		assertThat(metrics).contains("graphql_request_seconds_count")
			.contains("pedigree_db_session_wait_seconds_count")
			.contains("pedigree_db_sessions_waiting");
		assertThat(value(metrics, "pedigree_graphql_errors_total", "classification=\"BAD_REQUEST\"")).isPositive();
		assertThat(value(metrics, "pedigree_graphql_errors_total", "classification=\"OVERLOADED\"")).isPositive();
		assertThat(value(metrics, "pedigree_db_queries_seconds_count", "query=\"lineage/models-by-id\"")).isPositive();
	}

	@Test
	void nested_children_of_three_hundred_parents_are_a_few_queries() {
		double before = total(scrape(), "pedigree_db_queries_seconds_count");
		post(BoundedWorkTests.FAN_OUT);
		double queries = total(scrape(), "pedigree_db_queries_seconds_count") - before;
		// model, its children page, the 300 children's models, their own pages with
		// totals.
		assertThat(queries).isBetween(1.0, 6.0);
	}

	private String post(String query) {
		return GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String scrape() {
		return GraphQlClient.http(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The sample of {@code name} whose labels contain {@code label}. */
	private static double value(String metrics, String name, String label) {
		var matcher = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
		while (matcher.find()) {
			if (matcher.group(1).contains(label)) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

	/** The sum of every sample of {@code name}. */
	private static double total(String metrics, String name) {
		var matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

}
