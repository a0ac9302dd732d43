package dev.pedigree;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
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

}
