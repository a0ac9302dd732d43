package dev.pedigree;

import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HttpGraphQlTester and WebTestClient against the running server, as an outside client
 * sees it.
 */
public final class GraphQlClient {

	private GraphQlClient() {
	}

	public static WebTestClient http(int port) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	public static HttpGraphQlTester anonymous(int port) {
		return HttpGraphQlTester.create(http(port).mutate().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	public static HttpGraphQlTester curator(int port) {
		return anonymous(port).mutate().header("Authorization", "Bearer " + PedigreeServerTest.TOKEN).build();
	}

	/**
	 * A GraphQL request as a curator sends it (with the curator's token): the response
	 * body as it came, checked to come with status 200 (a GraphQL error among them).
	 */
	public static String post(int port, String query, Map<String, Object> variables) {
		return post(port, query, variables, "Bearer " + PedigreeServerTest.TOKEN);
	}

	/** {@link #post(int, String, Map)} without variables. */
	public static String post(int port, String query) {
		return post(port, query, Map.of());
	}

	/** {@link #post(int, String)} as a client without a token sends it. */
	public static String postAnonymous(int port, String query) {
		return post(port, query, Map.of(), null);
	}

	private static String post(int port, String query, Map<String, Object> variables, String authorization) {
		return body(http(port).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (authorization != null) {
					headers.set("Authorization", authorization);
				}
			})
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange());
	}

	/**
	 * The body of an anonymous GET of {@code uri} (an export, a page), checked to come
	 * with status 200.
	 */
	public static byte[] download(int port, String uri) {
		return http(port).get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

	/** The server's metrics as Prometheus scrapes them. */
	public static String metrics(int port) {
		return body(http(port).get().uri("/actuator/prometheus").exchange());
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

}
