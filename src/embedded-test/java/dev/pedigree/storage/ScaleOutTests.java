package dev.pedigree.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.io.ByteUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scale-out as README "External Neo4j server or cluster" describes it: a Neo4j server
 * started by the test (its Bolt connector on a free port, authentication on), two
 * Pedigree instances against it through the routing protocol ({@code neo4j://}), no
 * embedded database in either. Community Neo4j has no cluster, so the routing table names
 * one member for every role; what this proves is the client side: the routing driver,
 * access modes the server enforces, bookmarks handed between instances, and the staleness
 * bound of the family-order cache.
 */
class ScaleOutTests {

	private static final String PASSWORD = "scale-out-test-password";

	private static final String TOKEN = "scale-out-curator";

	private static final Duration FAMILY_CACHE_TTL = Duration.ofSeconds(15);

	@TempDir
	static Path home;

	static DatabaseManagementService server;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() throws IOException {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = new DatabaseManagementServiceBuilder(home).setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
			// The routing table names members by their advertised address.
			.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
			.setConfig(HttpConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
			.build();
		server.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", PASSWORD));
		a = instance(port);
		b = instance(port);
	}

	private static ConfigurableApplicationContext instance(int port) {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--spring.neo4j.uri=neo4j://127.0.0.1:" + port,
				"--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=" + PASSWORD,
				"--pedigree.seed.enabled=false", "--pedigree.security.curator-token=" + TOKEN,
				"--pedigree.limits.read-timeout=30s", "--pedigree.limits.family-cache-ttl=" + FAMILY_CACHE_TTL.toSeconds() + "s",
				"--server.port=0");
	}

	@AfterAll
	static void stop() {
		for (var context : new ConfigurableApplicationContext[] { a, b }) {
			if (context != null) {
				context.close();
			}
		}
		if (server != null) {
			server.shutdown();
		}
	}

	@Test
	void both_instances_use_the_routing_server_and_start_no_database_of_their_own() throws IOException {
		for (var instance : List.of(a, b)) {
			assertThat(instance.getBeanNamesForType(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class)).isEmpty();
			assertThat(instance.getEnvironment().getProperty("spring.neo4j.uri")).startsWith("neo4j://");
			assertThat(instance.getBean(org.neo4j.driver.Driver.class).isEncrypted()).isFalse();
		}
		// The schema migrations ran once, through whichever instance came first.
		Object migrations = server.database("neo4j")
			.executeTransactionally("MATCH (m:__SchemaMigration) RETURN count(m) AS n", Map.of(),
					r -> r.next().get("n"));
		assertThat(migrations).isEqualTo((long) new PathMatchingResourcePatternResolver()
			.getResources("classpath*:cypher/schema/V*__*.cypher").length);
	}

	@Test
	void reads_go_out_in_read_mode_which_the_server_enforces_and_writes_in_write_mode() {
		Graph graph = a.getBean(Graph.class);
		assertThatThrownBy(() -> graph.read("CREATE (p:__AccessProbe {id: 'read'}) RETURN p", Map.of()))
			.isInstanceOf(ClientException.class)
			.hasMessageContaining("read access mode");
		assertThatThrownBy(() -> graph.read(tx -> tx.run("CREATE (p:__AccessProbe {id: 'read-tx'})").consume()))
			.isInstanceOf(ClientException.class)
			.hasMessageContaining("read access mode");
		assertThatThrownBy(() -> graph.readBulk(tx -> tx.run("CREATE (p:__AccessProbe {id: 'bulk'})").consume()))
			.isInstanceOf(ClientException.class)
			.hasMessageContaining("read access mode");
		graph.write(tx -> tx.run("CREATE (p:__AccessProbe {id: 'write'})").consume());
		assertThat(graph.read("MATCH (p:__AccessProbe) RETURN p.id AS id", Map.of(), r -> r.get("id").asString()))
			.containsExactly("write");
		graph.write(tx -> tx.run("MATCH (p:__AccessProbe) DELETE p").consume());
	}

	@Test
	void a_write_through_one_instance_is_read_through_the_other_with_the_bookmark_it_answered() {
		var written = post(a, """
				mutation { registerModel(input: {id: "scale/written-on-a", name: "written on A"}) { id } }""", List.of());
		List<String> bookmarks = written.getResponseHeaders().getValuesAsList(Graph.BookmarkException.HEADER);
		assertThat(bookmarks).as("bookmarks of the write").isNotEmpty().allSatisfy(v -> assertThat(v).isNotBlank());

		var read = post(b, "{ model(id: \"scale/written-on-a\") { id name } }", bookmarks);
		assertThat(json(read).at("/data/model/name").asString()).isEqualTo("written on A");
		assertThat(json(read).has("errors")).isFalse();
		assertThat(read.getResponseHeaders().get(Graph.BookmarkException.HEADER)).as("a read answers no bookmark")
			.isNull();
	}

	@Test
	void a_bookmark_the_database_does_not_know_is_a_bad_request_naming_the_header() {
		var read = post(b, "{ model(id: \"scale/anything\") { id } }", List.of("not-a-bookmark"));
		JsonNode error = json(read).at("/errors/0");
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(error.at("/extensions/field").asString()).isEqualTo("Pedigree-Bookmark");
		assertThat(json(read).at("/errors").size()).isEqualTo(1);
	}

	@Test
	void another_instances_cached_family_order_is_fresh_again_within_the_family_cache_ttl() throws Exception {
		String edges = IntStream.range(0, 1_200)
			.mapToObj(i -> "scale/root,scale/child-" + i + ",finetune")
			.collect(Collectors.joining("\n", "parent_id,child_id,relation\n", "\n"));
		var imported = post(a, "mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
				Map.of("c", edges), List.of());
		List<String> bookmarks = imported.getResponseHeaders().getValuesAsList(Graph.BookmarkException.HEADER);
		String count = "{ model(id: \"scale/root\") { descendants(first: 5) { totalCount } } }";
		// B's entry is computed before this instant, so it is certainly dropped after it
		// plus the TTL. (It may go sooner: any write through B, e.g. its watchlist runner's,
		// drops it.)
		assertThat(total(post(b, count, bookmarks))).isEqualTo(1_200);
		Instant orderedOnBBy = Instant.now();

		var late = post(a, "mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }",
				Map.of("c", "parent_id,child_id,relation\nscale/root,scale/late-child,finetune\n"), List.of());
		bookmarks = late.getResponseHeaders().getValuesAsList(Graph.BookmarkException.HEADER);
		assertThat(total(post(a, count, bookmarks))).as("the writing instance dropped its own cache").isEqualTo(1_201);
		Thread.sleep(Math.max(0,
				Duration.between(Instant.now(), orderedOnBBy.plus(FAMILY_CACHE_TTL)).toMillis() + 100));
		assertThat(total(post(b, count, bookmarks))).as("B after the TTL").isEqualTo(1_201);
	}

	private static int total(EntityExchangeResult<byte[]> result) {
		JsonNode body = json(result);
		assertThat(body.has("errors")).as(body.toString()).isFalse();
		return body.at("/data/model/descendants/totalCount").asInt();
	}

	private static EntityExchangeResult<byte[]> post(ConfigurableApplicationContext instance, String document,
			List<String> bookmarks) {
		return post(instance, document, Map.of(), bookmarks);
	}

	private static EntityExchangeResult<byte[]> post(ConfigurableApplicationContext instance, String document,
			Map<String, Object> variables, List<String> bookmarks) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return GraphQlClient.http(port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				h.setBearerAuth(TOKEN);
				if (!bookmarks.isEmpty()) {
					h.put(Graph.BookmarkException.HEADER, bookmarks);
				}
			})
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

	private static JsonNode json(EntityExchangeResult<byte[]> result) {
		return JsonMapper.builder().build().readTree(result.getResponseBody());
	}

}
