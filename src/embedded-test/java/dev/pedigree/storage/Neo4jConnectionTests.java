package dev.pedigree.storage;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both ways to reach Neo4j: the embedded database (this context) and an external server
 * named by {@code spring.neo4j.uri} (a second application pointed at the first one's Bolt
 * port, starting no database).
 */
@PedigreeServerTest
class Neo4jConnectionTests {

	@Autowired
	EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded;

	@Test
	void a_second_instance_pointed_at_spring_neo4j_uri_uses_that_server_and_starts_no_database() {
		try (var external = new SpringApplicationBuilder(PedigreeApplication.class)
			.run("--spring.neo4j.uri=" + this.embedded.boltUri(),
					"--spring.neo4j.authentication.username=" + this.embedded.credentials().username(),
					"--spring.neo4j.authentication.password=" + this.embedded.credentials().password(),
					"--pedigree.seed.enabled=false", "--server.port=0")) {
			assertThat(external.getBeanNamesForType(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class)).isEmpty();
			int port = ((WebServerApplicationContext) external).getWebServer().getPort();
			GraphQlClient.anonymous(port)
				.document("{ model(id: \"meta-llama/Llama-2-7b\") { developer { id } } }")
				.execute()
				.path("model.developer.id")
				.entity(String.class)
				.isEqualTo("meta");
		}
	}

	@Test
	void a_busy_bolt_port_fails_start_up_with_one_clear_sentence() {
		int busy = this.embedded.boltUri().getPort();
		assertThatThrownBy(() -> new SpringApplicationBuilder(PedigreeApplication.class)
			.properties(Map.of("pedigree.embedded.ephemeral", "true"))
			.run("--pedigree.embedded.bolt-port=" + busy, "--pedigree.seed.enabled=false", "--server.port=0")
			.close())
			.satisfies(ex -> assertThat(findStartup(ex).getMessage()).isEqualTo(
					"The embedded Neo4j cannot listen on 127.0.0.1:" + busy + " because the port is already in use."));
	}

	private static EmbeddedNeo4jStartupException findStartup(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof EmbeddedNeo4jStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("no EmbeddedNeo4jStartupException in " + ex);
	}

}
