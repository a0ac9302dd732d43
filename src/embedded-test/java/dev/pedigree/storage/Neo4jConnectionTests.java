package dev.pedigree.storage;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both ways to reach Neo4j: the embedded database (this context; the service's own driver
 * over the in-process channel, or over the loopback port when
 * {@code pedigree.embedded.in-process-bolt} is off) and an external server named by
 * {@code spring.neo4j.uri} (a second application pointed at the first one's Bolt port,
 * starting no database).
 */
@PedigreeServerTest
class Neo4jConnectionTests {

	@Autowired
	EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded;

	@Autowired
	Graph graph;

	@Autowired
	EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart start;

	@Test
	void the_services_own_queries_reach_the_embedded_database_in_process() {
		assertThat(connectorOfThisQuery(this.graph)).isEqualTo(IN_PROCESS);
	}

	@Test
	void the_in_process_channel_takes_only_the_kept_login() {
		try (Driver wrongLogin = EmbeddedNeo4jConfiguration.inProcessDriver(this.embedded.boltUri(),
				AuthTokens.basic(this.embedded.credentials().username(), "not-the-password"), this.start.localChannel(),
				Config.defaultConfig())) {
			assertThatThrownBy(wrongLogin::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void without_the_in_process_channel_the_services_queries_go_through_the_port() {
		try (var overThePort = new SpringApplicationBuilder(PedigreeApplication.class)
			.properties(Map.of("pedigree.embedded.ephemeral", "true"))
			.run("--pedigree.embedded.in-process-bolt=false", "--pedigree.embedded.bolt-port=0",
					"--pedigree.seed.enabled=false", "--server.port=0")) {
			assertThat(connectorOfThisQuery(overThePort.getBean(Graph.class))).isEqualTo(PORT);
			int port = ((WebServerApplicationContext) overThePort).getWebServer().getPort();
			GraphQlClient.anonymous(port)
				.document("{ models(first: 1) { totalCount } }")
				.execute()
				.path("models.totalCount")
				.entity(Integer.class)
				.isEqualTo(0);
		}
	}

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

	private static final String IN_PROCESS = "bolt-local";

	private static final String PORT = "bolt";

	/**
	 * The connector the database saw this very query come through: its connection ids are
	 * the connector's name and a number.
	 */
	private static String connectorOfThisQuery(Graph graph) {
		String connection = graph
			.read("/* connectorProbe */ SHOW TRANSACTIONS YIELD connectionId, currentQuery "
					+ "WHERE currentQuery CONTAINS $marker RETURN connectionId", Map.of("marker", "connectorProbe"),
					r -> r.get(0).asString())
			.get(0);
		return connection.substring(0, connection.lastIndexOf('-'));
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
