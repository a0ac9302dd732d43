package dev.pedigree.graphql;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.UnseededServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without seed data, without a curator token and with a 3 s read budget
 * ({@code pedigree.limits.read-timeout}): reads stopped at their budget, the document
 * complexity limit at its default, and mutations when no token is configured.
 */
@UnseededServerTest
class UnseededServerTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void a_read_past_its_time_budget_fails_with_query_timeout() {
		// 30 diamonds in a chain: 2^25 paths from the bottom to the root within 50 hops,
		// far more than three seconds of work for the foundations traversal.
		this.driver.executableQuery("""
				UNWIND range(0, 29) AS i
				MERGE (a:Model {id: 'test/diamond-a' + i}) SET a.name = a.id
				MERGE (b:Model {id: 'test/diamond-b' + i}) SET b.name = b.id
				MERGE (c:Model {id: 'test/diamond-c' + i}) SET c.name = c.id
				MERGE (next:Model {id: 'test/diamond-a' + (i + 1)}) SET next.name = next.id
				MERGE (b)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(a)
				MERGE (c)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(a)
				MERGE (next)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(b)
				MERGE (next)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(c)
				""").execute();
		var response = GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"test/diamond-a30\") { id foundations { id } } }")
			.execute();
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.getExtensions()).containsEntry("classification", "QUERY_TIMEOUT");
			assertThat(e.getPath()).isEqualTo("model.foundations");
			assertThat(e.getMessage()).contains("time budget");
		}));
		// Never a partial answer.
		response.path("model").valueIsNull();
	}

	@Test
	void a_document_above_the_complexity_limit_is_refused_and_one_at_the_limit_runs() {
		// pedigree.limits.max-query-complexity defaults to 5000 fields: model + 4999 ids.
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { " + "id ".repeat(4999) + "} }")
			.execute()
			.path("model")
			.valueIsNull();
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { " + "id ".repeat(5000) + "} }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("complexity", "5001 > 5000")));
	}

	@Test
	void with_no_token_configured_no_caller_can_write() {
		// README: without a configured or created token nobody writes: no token is
		// UNAUTHORIZED,
		// any token an invalid credential (401).
		var calls = MutationAccessTests.mutations();
		calls.forEach((mutation, document) -> GraphQlClient.anonymous(this.port)
			.document(document)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as(mutation)
				.singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED))));
		for (String header : List.of("Bearer " + dev.pedigree.PedigreeServerTest.TOKEN, "Bearer ")) {
			calls.forEach((mutation, document) -> GraphQlClient.http(this.port)
				.post()
				.uri("/graphql")
				.header("Authorization", header)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(java.util.Map.of("query", document))
				.exchange()
				.expectStatus()
				.isUnauthorized());
		}
	}

}
