package dev.pedigree.watch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchlists end to end: a curator watches a model; an import through the API makes a
 * condition true; a graphql-ws subscriber and a webhook receiver (here, in the test) are
 * told, the webhook signed and retried after a failure; a client that was offline reads
 * what it missed.
 */
@PedigreeServerTest
class WatchlistTests {

	private static final Duration PATIENCE = Duration.ofSeconds(40);

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	private HttpServer receiver;

	/**
	 * Requests the receiver got: delivery key, timestamp, signature, body, status
	 * answered.
	 */
	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", exchange -> {
			String key = exchange.getRequestHeaders().getFirst("X-Pedigree-Delivery");
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			// The first attempt of every delivery fails, so each one must be retried.
			int attempt = this.attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
			int status = attempt == 1 ? 500 : 204;
			this.requests
				.add(Map.of("key", key, "timestamp", exchange.getRequestHeaders().getFirst("X-Pedigree-Timestamp"),
						"signature", exchange.getRequestHeaders().getFirst("X-Pedigree-Signature"), "body", body,
						"status", Integer.toString(status)));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	/**
	 * README's createWatch example, sent as its curl line sends it: the token reaches the
	 * server (the header in double quotes) and the body is JSON (no line break inside the
	 * query string).
	 */
	@Test
	void the_readme_example_creates_a_watch() throws IOException {
		String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
		String block = java.util.Arrays.stream(readme.split("```"))
			.filter(b -> b.contains("curl") && b.contains("createWatch("))
			.findFirst()
			.orElseThrow();
		assertThat(block).contains("-H \"Authorization: Bearer $TOKEN\"");
		String body = block.substring(block.indexOf("-d '") + 4, block.lastIndexOf('\''));
		String response = GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + PedigreeServerTest.TOKEN)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(response).doesNotContain("\"errors\"").contains("\"webhookSecret\"");
		String id = response.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		assertThat(GraphQlClient.post(this.port, "mutation($id: ID!) { deleteWatch(id: $id) }", Map.of("id", id)))
			.doesNotContain("\"errors\"");
	}

	@Test
	void an_import_raising_a_safety_removing_descendant_and_a_reach_threshold_notifies_subscriber_and_signed_webhook()
			throws Exception {
		String prefix = "test/watch-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		register(base);
		String outsider = prefix + "-other";
		register(outsider);
		var created = GraphQlClient.curator(this.port)
			.document("mutation($input: CreateWatchInput!) { createWatch(input: $input) { "
					+ "watch { id subjectKind subjectId conditions downloadsThreshold webhookUrl } webhookSecret } }")
			.variable("input",
					Map.of("subjectKind", "MODEL", "subjectId", base.toUpperCase(), "conditions",
							List.of("SAFETY_REMOVING_DESCENDANT", "DOWNLOADS_ABOVE"), "downloadsThreshold", 1000,
							"webhookUrl", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook"))
			.execute()
			.path("createWatch")
			.entity(Map.class)
			.get();
		@SuppressWarnings("unchecked")
		var watch = (Map<String, Object>) created.get("watch");
		String watchId = (String) watch.get("id");
		String secret = (String) created.get("webhookSecret");
		assertThat(watch).containsEntry("subjectId", base).containsEntry("subjectKind", "MODEL");
		assertThat(secret).hasSize(64);

		var received = new java.util.concurrent.LinkedBlockingQueue<Map<String, Object>>();
		var client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"), new StandardWebSocketClient())
			.build();
		Disposable subscription = client
			.document("subscription($id: ID, $after: Int) { watchNotifications(watchId: $id, after: $after) { "
					+ "seq condition modelId reason model { id } } }")
			.variable("id", watchId)
			.variable("after", 0)
			.retrieveSubscription("watchNotifications")
			.toEntity(Map.class)
			.subscribe(n -> received.add(n));
		try {
			// Through the API as a curator would; the edge list names the children only,
			// the
			// node list brings downloads.
			String abliterated = prefix + "-abliterated";
			String instruct = prefix + "-instruct";
			String edges = "parent_id,child_id,relation\n" + base + "," + abliterated + ",finetune\n" + base + ","
					+ instruct + ",finetune\n" + outsider + "," + prefix + "-other-abliterated,finetune\n";
			importRecords("HF_EDGES", edges);
			importRecords("HF_NODES", "model_id,downloads\n" + instruct + ",5000\n" + abliterated + ",10\n");

			var first = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			var second = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(List.of(first, second)).as("notifications pushed to the subscriber")
				.doesNotContainNull()
				.extracting(n -> n.get("condition") + " " + n.get("modelId"))
				.containsExactlyInAnyOrder("SAFETY_REMOVING_DESCENDANT " + abliterated, "DOWNLOADS_ABOVE " + instruct);
			assertThat(first.get("reason").toString() + second.get("reason")).contains("FINETUNE of " + base)
				.contains("downloads 5000");

			// The webhook: each delivery failed once, then was retried and accepted; the
			// outcome
			// is recorded after the receiver answered, so wait for the stored state.
			List<Map> stored = List.of();
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (System.nanoTime() < deadline && (stored.size() < 2 || !stored.stream()
				.allMatch(n -> "DELIVERED".equals(((Map<?, ?>) n.get("delivery")).get("state"))))) {
				Thread.sleep(200);
				stored = GraphQlClient.anonymous(this.port)
					.document("query($id: ID) { watchNotifications(watchId: $id) { seq key condition modelId "
							+ "delivery { state attempts lastError deliveredAt } } }")
					.variable("id", watchId)
					.execute()
					.path("watchNotifications")
					.entityList(Map.class)
					.get();
			}
			assertThat(this.requests).hasSize(4);
			for (var request : this.requests) {
				String expected = "sha256=" + hmac(secret, request.get("timestamp") + "." + request.get("body"));
				assertThat(request.get("signature")).as("signature of " + request.get("key")).isEqualTo(expected);
				assertThat(request.get("body")).contains("\"watchId\":\"" + watchId + "\"");
			}
			assertThat(this.attemptsByKey.values()).extracting(AtomicInteger::get).containsExactly(2, 2);
			assertThat(stored).hasSize(2).allSatisfy(n -> {
				@SuppressWarnings("unchecked")
				var delivery = (Map<String, Object>) n.get("delivery");
				assertThat(delivery).containsEntry("state", "DELIVERED").containsEntry("attempts", 2);
				assertThat(delivery.get("deliveredAt")).isNotNull();
			});
			assertThat(this.attemptsByKey.keySet())
				.containsExactlyInAnyOrderElementsOf(stored.stream().map(n -> (String) n.get("key")).toList());

			// The same import again changes nothing a watch cares about: nothing new is
			// raised.
			importRecords("HF_EDGES", edges);
			Thread.sleep(3000);
			assertThat(received).isEmpty();
			GraphQlClient.anonymous(this.port)
				.document("query($id: ID) { watchNotifications(watchId: $id) { seq } }")
				.variable("id", watchId)
				.execute()
				.path("watchNotifications")
				.entityList(Object.class)
				.hasSize(2);
		}
		finally {
			subscription.dispose();
		}
		GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { deleteWatch(id: $id) }")
			.variable("id", watchId)
			.execute()
			.path("deleteWatch")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void a_finding_on_an_ancestor_is_raised_for_a_watched_descendant_and_read_after_the_fact() throws Exception {
		String prefix = "test/watch-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		String tune = prefix + "-tune";
		register(base);
		register(tune);
		GraphQlClient.curator(this.port)
			.document("mutation($c: ID!, $p: ID!) { recordDerivation(input: {childId: $c, parentIds: [$p], "
					+ "relation: FINETUNE}) { relation } }")
			.variable("c", tune)
			.variable("p", base)
			.execute()
			.path("recordDerivation[0].relation")
			.entity(String.class)
			.isEqualTo("FINETUNE");
		String watchId = GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { createWatch(input: {subjectKind: MODEL, subjectId: $id, "
					+ "conditions: [FINDING]}) { watch { id } webhookSecret } }")
			.variable("id", tune)
			.execute()
			.path("createWatch.webhookSecret")
			.valueIsNull()
			.path("createWatch.watch.id")
			.entity(String.class)
			.get();
		GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { recordRiskFinding(input: {modelId: $id, category: CYBER, "
					+ "summary: \"watch fixture\"}) { id } }")
			.variable("id", base)
			.execute()
			.path("recordRiskFinding.id")
			.hasValue();
		List<Map> raised = List.of();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (raised.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			raised = GraphQlClient.anonymous(this.port)
				.document(
						"query($id: ID) { watchNotifications(watchId: $id) { condition modelId reason delivery { state } model { id } } }")
				.variable("id", watchId)
				.execute()
				.path("watchNotifications")
				.entityList(Map.class)
				.get();
		}
		assertThat(raised).singleElement().satisfies(n -> {
			assertThat(n).containsEntry("condition", "FINDING").containsEntry("modelId", base);
			assertThat(n.get("reason").toString()).contains("ancestor");
			assertThat(n.get("delivery")).isNull();
			assertThat(n.get("model")).isEqualTo(Map.of("id", base));
		});
	}

	/**
	 * Changes logged before the earliest watch are marked evaluated without their
	 * queries; one logged at the earliest watch's creation, before a later watch, is
	 * still evaluated, for the earliest watch only. The change is written here with that
	 * time: through the API it would be evaluated before the later watch exists.
	 */
	@Test
	void a_change_after_the_earliest_watch_but_before_a_later_one_is_evaluated() throws Exception {
		String prefix = "test/watch-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		String popular = prefix + "-popular";
		register(base);
		// Before any watch of this test: the derivative and its downloads.
		importRecords("HF_EDGES", "parent_id,child_id,relation\n" + base + "," + popular + ",finetune\n");
		importRecords("HF_NODES", "model_id,downloads\n" + popular + ",5000\n");
		String earliest = createDownloadsWatch(base);
		Thread.sleep(20);
		String later = createDownloadsWatch(base);
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx
						.run("""
								MATCH (w:__Watch {id: $watch})
								CREATE (:__Change {id: randomUUID(), kind: 'MODELS_WRITTEN', at: w.createdAt, modelIds: [$model],
								                   derivations: [], writer: 'test', pending: true})""",
								Map.of("watch", earliest, "model", popular))
						.consume());
		}
		List<Map> raised = List.of();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (raised.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			raised = notifications(earliest);
		}
		assertThat(raised).singleElement()
			.satisfies(
					n -> assertThat(n).containsEntry("condition", "DOWNLOADS_ABOVE").containsEntry("modelId", popular));
		assertThat(notifications(later)).isEmpty();
		for (String watch : List.of(earliest, later)) {
			GraphQlClient.curator(this.port)
				.document("mutation($id: ID!) { deleteWatch(id: $id) }")
				.variable("id", watch)
				.execute()
				.path("deleteWatch")
				.entity(Boolean.class)
				.isEqualTo(true);
		}
	}

	private String createDownloadsWatch(String subject) {
		return GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { createWatch(input: {subjectKind: MODEL, subjectId: $id, "
					+ "conditions: [DOWNLOADS_ABOVE], downloadsThreshold: 1000}) { watch { id } } }")
			.variable("id", subject)
			.execute()
			.path("createWatch.watch.id")
			.entity(String.class)
			.get();
	}

	private List<Map> notifications(String watchId) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID) { watchNotifications(watchId: $id) { condition modelId } }")
			.variable("id", watchId)
			.execute()
			.path("watchNotifications")
			.entityList(Map.class)
			.get();
	}

	@Test
	void bad_watches_are_refused_with_the_offending_field() {
		Map<String, Map<String, Object>> cases = Map.of("subjectId",
				Map.of("subjectKind", "MODEL", "subjectId", "nobody/nothing-" + UUID.randomUUID(), "conditions",
						List.of("FINDING")),
				"downloadsThreshold",
				Map.of("subjectKind", "MODEL", "subjectId", "google/gemma-7b", "conditions",
						List.of("DOWNLOADS_ABOVE")),
				"webhookUrl",
				Map.of("subjectKind", "ORGANIZATION", "subjectId", "google", "conditions", List.of("FINDING"),
						"webhookUrl", "ftp://example.org/hook"),
				"conditions", Map.of("subjectKind", "ORGANIZATION", "subjectId", "google", "conditions", List.of()));
		cases.forEach((field, input) -> GraphQlClient.curator(this.port)
			.document("mutation($input: CreateWatchInput!) { createWatch(input: $input) { watch { id } } }")
			.variable("input", input)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as(field).singleElement().satisfies(e -> {
				assertThat(e.getErrorType()).isIn(ErrorType.BAD_REQUEST, ErrorType.NOT_FOUND);
				assertThat(e.getExtensions()).containsEntry("field", field);
			})));
		GraphQlClient.anonymous(this.port)
			.document("{ watchNotifications(watchId: \"watch/none\") { seq } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
	}

	private void register(String id) {
		GraphQlClient.curator(this.port)
			.document("mutation($id: ID!, $name: String!) { registerModel(input: {id: $id, name: $name}) { id } }")
			.variable("name", id)
			.variable("id", id)
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	private void importRecords(String format, String content) {
		Curation.importRecords(this.port, format, content);
	}

	private static String hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
