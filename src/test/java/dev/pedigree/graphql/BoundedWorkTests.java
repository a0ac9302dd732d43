package dev.pedigree.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No document can make the service fail, for its sender or anyone else: nested per-parent
 * fields load a level at a time, a document over its cost budget is refused before it
 * runs (OVERLOADED), and database sessions are handed out fairly, so that another
 * client's simple query keeps succeeding meanwhile.
 */
@PedigreeServerTest
class BoundedWorkTests {

	/** Issue 15's example: 300 children, each asking for its own children's total. */
	static final String FAN_OUT = "{ model(id: \"google/gemma-7b\") { children(first: 300) { edges { node { child"
			+ " { id children(first: 1) { totalCount } } } } } } }";

	/** children three levels deep at first: 500 (500³ rows if it ran). */
	static final String THREE_LEVELS = "{ model(id: \"google/gemma-7b\") { children(first: 500) { edges { node { child"
			+ " { id children(first: 500) { edges { node { child { id children(first: 500) { totalCount edges { node"
			+ " { child { id } } } } } } } } } } } } } }";

	static final String SIMPLE = "{ model(id: \"meta-llama/Llama-2-7b\") { id name } }";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void nested_children_of_three_hundred_parents_answer_with_data_and_no_error() throws Exception {
		var response = post(FAN_OUT);
		assertThat(response.jsonString()).doesNotContain("\"errors\"");
		List<Integer> totals = response.read("$.data.model.children.edges[*].node.child.children.totalCount");
		assertThat(totals).hasSize(300).allSatisfy(total -> assertThat(total).isNotNegative());
		// Spot check against the store: the first child's own children, counted on their
		// own.
		String firstChild = response.read("$.data.model.children.edges[0].node.child.id");
		var alone = post("{ model(id: \"" + firstChild + "\") { children(first: 500) { totalCount } } }");
		assertThat(alone.read("$.data.model.children.totalCount", Integer.class)).isEqualTo(totals.get(0));
	}

	@Test
	void three_levels_of_five_hundred_are_refused_before_running_as_overloaded() throws Exception {
		var response = post(THREE_LEVELS);
		assertThat(response.read("$.errors", List.class)).hasSize(1);
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("OVERLOADED");
		assertThat(response.read("$.errors[0].extensions.maxCost", Integer.class)).isEqualTo(50_000);
		assertThat(response.read("$.errors[0].message", String.class)).contains("nested pages multiply");
		assertThat(response.jsonString()).doesNotContain("\"data\"");
	}

	/**
	 * The document checks remember a document that passed with the values of the
	 * variables that can change their verdict: the same document with a larger page, or
	 * with a deeper part included, is refused; with another id alone it passes.
	 */
	@Test
	void a_document_that_passed_is_checked_again_for_other_page_sizes_and_conditions() {
		String pages = "query($id: ID!, $n: Int) { model(id: $id) { children(first: $n) { edges { node { child { "
				+ "children(first: $n) { edges { node { child { children(first: $n) { totalCount } } } } } } } } } } }";
		String base = "mistralai/Mistral-Small-24B-Base-2501";
		assertThat(GraphQlClient.post(this.port, pages, Map.of("id", base, "n", 5))).doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port, pages, Map.of("id", base, "n", 500))).contains("OVERLOADED")
			.contains("nested pages multiply")
			.doesNotContain("\"data\"");
		assertThat(GraphQlClient.post(this.port, pages, Map.of("id", "google/gemma-7b", "n", 5)))
			.doesNotContain("\"errors\"");
		// Twenty levels deep when included, two when not.
		String conditional = "query($id: ID!, $deep: Boolean!) { model(id: $id) { id parents @include(if: $deep) { parent { "
				+ "parents { parent { ".repeat(8) + "id" + " } }".repeat(8) + " } } } }";
		assertThat(GraphQlClient.post(this.port, conditional, Map.of("id", base, "deep", false)))
			.doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port, conditional, Map.of("id", base, "deep", true))).contains("depth")
			.doesNotContain("\"data\"");
		// A page size left out takes the field's default (childrenByRelation: 5, about
		// 24,000
		// here); sent as null, the server's default page (20, about 84,000).
		String defaults = "query($id: ID!, $n: Int) { model(id: $id) { children(first: 2) { edges { node { child { "
				+ "children(first: 500) { edges { node { child { childrenByRelation(first: $n) { "
				+ "children { edges { node { relation } } } } } } } } } } } } } }";
		assertThat(GraphQlClient.post(this.port, defaults, Map.of("id", base))).doesNotContain("\"errors\"");
		Map<String, Object> nullPage = new java.util.HashMap<>(Map.of("id", base));
		nullPage.put("n", null);
		assertThat(GraphQlClient.post(this.port, defaults, nullPage)).contains("OVERLOADED").doesNotContain("\"data\"");
	}

	@Test
	void three_hundred_aliased_roots_wait_for_connections_instead_of_failing() throws Exception {
		String roots = IntStream.range(0, 300)
			.mapToObj(i -> "m" + i + ": model(id: \"google/gemma-7b\") { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		var response = post(roots);
		assertThat(response.jsonString()).doesNotContain("\"errors\"");
		assertThat(response.read("$.data.m299.id", String.class)).isEqualTo("google/gemma-7b");
	}

	@Test
	void graphiql_s_introspection_query_is_within_budget() throws Exception {
		var response = post(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);
		assertThat(response.jsonString()).doesNotContain("\"errors\"");
		assertThat(response.read("$.data.__schema.types[*].name", List.class)).contains("Model", "Derivation");
	}

	@Test
	void heavy_documents_do_not_fail_another_clients_simple_query() throws Exception {
		var stop = new AtomicBoolean();
		var heavyBodies = new ConcurrentLinkedQueue<String>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> heavy = new ArrayList<>();
			for (int client = 0; client < 6; client++) {
				String document = client % 3 == 0 ? THREE_LEVELS : FAN_OUT;
				heavy.add(pool.submit(() -> {
					for (int i = 0; i < 4 && !stop.get(); i++) {
						heavyBodies.add(send(document));
					}
					return null;
				}));
			}
			List<String> simple = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				simple.add(send(SIMPLE));
			}
			stop.set(true);
			for (Future<?> f : heavy) {
				f.get();
			}
			assertThat(simple).allSatisfy(body -> {
				assertThat(body).doesNotContain("\"errors\"");
				assertThat(JsonPath.parse(body).read("$.data.model.id", String.class))
					.isEqualTo("meta-llama/Llama-2-7b");
			});
		}
		assertThat(heavyBodies).isNotEmpty().allSatisfy(body -> {
			assertThat(body).doesNotContain("INTERNAL_ERROR");
			var parsed = JsonPath.parse(body);
			if (body.contains("\"errors\"")) {
				assertThat(parsed.read("$.errors[*].extensions.classification", List.class)).containsOnly("OVERLOADED");
			}
			else {
				assertThat(parsed.read("$.data.model.children.edges", List.class)).isNotEmpty();
			}
		});
	}

	private DocumentContext post(String query) throws Exception {
		String body = send(query);
		assertThat(body).doesNotContain("INTERNAL_ERROR");
		return JsonPath.parse(body);
	}

	private String send(String query) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", query))))
			.build();
		var response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
