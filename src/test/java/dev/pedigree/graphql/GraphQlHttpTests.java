package dev.pedigree.graphql;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * GraphQL over HTTP as its spec describes: GET for queries, media types and status codes.
 */
@PedigreeServerTest
class GraphQlHttpTests {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@LocalServerPort
	int port;

	@Test
	void get_runs_a_query() {
		GraphQlClient.http(this.port)
			.get()
			.uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ model(id: \"google/gemma-7b\") { id } }"))
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.model.id")
			.isEqualTo("google/gemma-7b");
	}

	@Test
	void get_refuses_a_mutation_with_405() {
		GraphQlClient.http(this.port)
			.get()
			.uri(b -> b.path("/graphql")
				.queryParam("query", "{q}")
				.build("mutation { registerModel(input: {id: \"x\", name: \"x\"}) { id } }"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals("Allow", "POST");
	}

	@Test
	void a_request_error_is_400_with_graphql_response_json_and_200_with_json() {
		String body = "{\"query\": \"{ model(id: \\\"x\\\") { noSuchField } }\"}";
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void documents_nested_beyond_the_depth_limit_are_refused() {
		String deep = "{ model(id: \"google/gemma-7b\") { " + "children { edges { node { child { ".repeat(4) + "id"
				+ " } } } }".repeat(4) + " } }";
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("query", deep))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(m -> org.assertj.core.api.Assertions.assertThat((String) m).containsIgnoringCase("depth"));
	}

}
