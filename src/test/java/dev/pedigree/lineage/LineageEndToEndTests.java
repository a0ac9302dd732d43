package dev.pedigree.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.SeedFacts;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lineage over GraphQL/HTTP against the seeded embedded database, checked against
 * edges.csv.
 */
@PedigreeServerTest
class LineageEndToEndTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "meta-llama/Llama-2-7b", "google/gemma-7b", "meta-llama/Llama-2-7b-chat-hf" })
	void descendants_include_every_model_edges_csv_implies_at_its_depth(String root) {
		Map<String, Integer> expected = TestData.reachable(TestData.huggingFaceEdges(), root, true);
		Map<String, Integer> actual = new HashMap<>();
		String after = null;
		int totalCount = -1;
		do {
			var response = GraphQlClient.anonymous(this.port)
				.documentName("descendants")
				.variable("id", root)
				.variable("first", 500)
				.variable("after", after)
				.execute();
			totalCount = response.path("model.descendants.totalCount").entity(Integer.class).get();
			List<Map<String, Object>> edges = response.path("model.descendants.edges[*].node")
				.entityList(Map.class)
				.get()
				.stream()
				.map(m -> (Map<String, Object>) m)
				.toList();
			for (var node : edges) {
				String id = (String) ((Map<?, ?>) node.get("model")).get("id");
				assertThat(actual.put(id, (Integer) node.get("depth"))).as("listed once: " + id).isNull();
			}
			boolean hasNext = response.path("model.descendants.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = hasNext ? response.path("model.descendants.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(expected).isNotEmpty();
		expected.forEach((id, depth) -> assertThat(actual.get(id)).as("depth of " + id).isEqualTo(depth));
		assertThat(totalCount).isEqualTo(actual.size());
		// Nothing more either: Epoch AI's base-model links are the only other source.
		assertThat(actual).isEqualTo(SeedFacts.load().descendants(root, 50));
	}

	@Test
	void ancestors_of_leaf_quantizations_match_edges_csv() {
		var edges = TestData.huggingFaceEdges();
		var parents = new java.util.HashSet<String>();
		edges.forEach(e -> parents.add(e.parent()));
		var leaves = edges.stream()
			.filter(e -> e.relation().equals("quantized") && !parents.contains(e.child()))
			.map(TestData.Edge::child)
			.sorted()
			.distinct()
			.limit(6)
			.toList();
		assertThat(leaves).hasSize(6);
		for (String leaf : leaves) {
			Map<String, Integer> expected = TestData.reachable(edges, leaf, false);
			var response = GraphQlClient.anonymous(this.port).documentName("ancestors").variable("id", leaf).execute();
			List<Map> entries = response.path("model.ancestors").entityList(Map.class).get();
			Map<String, Integer> actual = new HashMap<>();
			entries.forEach(e -> actual.put((String) ((Map<?, ?>) e.get("model")).get("id"), (Integer) e.get("depth")));
			expected.forEach((id, depth) -> assertThat(actual.get(id)).as(leaf + " ancestor " + id).isEqualTo(depth));
			var seed = SeedFacts.load();
			assertThat(actual).as(leaf).isEqualTo(seed.ancestors(leaf, 50));
			// The roots of that ancestry, by id.
			assertThat(response.path("model.foundations[*].id").entityList(String.class).get()).as(leaf)
				.isNotEmpty()
				.containsExactlyElementsOf(
						actual.keySet().stream().filter(id -> seed.parents(id).isEmpty()).sorted().toList());
		}
	}

	@Test
	void ancestors_fetched_with_their_model_equal_ancestors_fetched_on_their_own() {
		// One `ancestors` selection is answered together with `model` in one query; two
		// selections (aliases) take
		// the field-by-field path. Both must say the same, with filters, depth limits and
		// for a root model.
		String entry = "{ depth model { id name } via { relation source child { id } parent { id } } }";
		for (String id : List.of("mlx-community/Mistral-Small-24B-Instruct-2501-abliterated",
				"mistralai/Mistral-Small-24B-Base-2501", "mradermacher/medinote-7b-GGUF")) {
			for (String arguments : List.of("", "(maxDepth: 1)", "(relations: [FINETUNE, QUANTIZED], maxDepth: 50)")) {
				var together = GraphQlClient.anonymous(this.port)
					.document("query($id: ID!) { model(id: $id) { id ancestors" + arguments + " " + entry + " } }")
					.variable("id", id)
					.execute();
				var apart = GraphQlClient.anonymous(this.port)
					.document("query($id: ID!) { model(id: $id) { id a: ancestors" + arguments + " " + entry
							+ " b: ancestors(maxDepth: 2) { depth } } }")
					.variable("id", id)
					.execute();
				List<Map> expected = apart.path("model.a").entityList(Map.class).get();
				together.path("model.ancestors").entityList(Map.class).isEqualTo(expected);
				together.path("model.id").entity(String.class).isEqualTo(id);
			}
		}
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { ancestors { depth } } }")
			.execute()
			.path("model")
			.valueIsNull();
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"mradermacher/medinote-7b-GGUF\") { ancestors(maxDepth: 0) { depth } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getPath()).isEqualTo("model.ancestors")));
	}

	@Test
	void parents_and_descendants_planned_with_their_model_equal_the_field_by_field_path() {
		// One `parents` or `descendants` selection is answered together with `model` in
		// one
		// statement; a second one of `ancestors`, `parents`, `descendants` beside it
		// takes the field-by-field path. Both must say the same: a merge with two
		// parents,
		// a leaf, a small family, pages after a cursor, depth bounds, and gemma-7b (3,564
		// descendants, whose order the statement hands to the family index).
		String parents = "parents { relation source confidence safetyEffect parent { id name downloads } child { id } }";
		for (String id : List.of("mlx-community/Mistral-Small-24B-Instruct-2501-abliterated",
				"mistralai/Mistral-Small-24B-Base-2501", "mradermacher/medinote-7b-GGUF", "google/gemma-7b")) {
			var together = GraphQlClient.anonymous(this.port)
				.document("query($id: ID!) { model(id: $id) { id " + parents + " } }")
				.variable("id", id)
				.execute();
			var apart = GraphQlClient.anonymous(this.port)
				.document("query($id: ID!) { model(id: $id) { id " + parents + " ancestors(maxDepth: 1) { depth } } }")
				.variable("id", id)
				.execute();
			together.path("model.parents")
				.entityList(Map.class)
				.isEqualTo(apart.path("model.parents").entityList(Map.class).get());
			together.path("model.id").entity(String.class).isEqualTo(id);
		}
		String page = "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { depth model { id name }"
				+ " via { relation source parent { id } child { id } } } } }";
		for (String id : List.of("mistralai/Mistral-Small-24B-Base-2501", "meta-llama/Llama-2-7b",
				"mradermacher/medinote-7b-GGUF", "google/gemma-7b")) {
			for (String arguments : List.of("(first: 100)", "(first: 7, maxDepth: 2)", "(first: 5, maxDepth: 3)")) {
				String after = null;
				for (int pageNumber = 0; pageNumber < 3; pageNumber++) {
					String withCursor = after == null ? arguments
							: arguments.replace(")", ", after: \"" + after + "\")");
					var together = GraphQlClient.anonymous(this.port)
						.document(
								"query($id: ID!) { model(id: $id) { id descendants" + withCursor + " " + page + " } }")
						.variable("id", id)
						.execute();
					var apart = GraphQlClient.anonymous(this.port)
						.document("query($id: ID!) { model(id: $id) { id descendants" + withCursor + " " + page
								+ " parents { relation } } }")
						.variable("id", id)
						.execute();
					Map<?, ?> expected = apart.path("model.descendants").entity(Map.class).get();
					together.path("model.descendants").entity(Map.class).isEqualTo(expected);
					after = (String) ((Map<?, ?>) expected.get("pageInfo")).get("endCursor");
					if (!Boolean.TRUE.equals(((Map<?, ?>) expected.get("pageInfo")).get("hasNextPage"))) {
						break;
					}
				}
			}
		}
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { parents { relation } } }")
			.execute()
			.path("model")
			.valueIsNull();
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"no/such-model\") { descendants { totalCount } } }")
			.execute()
			.path("model")
			.valueIsNull();
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"google/gemma-7b\") { descendants(first: -1) { totalCount } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getPath()).isEqualTo("model.descendants")));
	}

	@Test
	void mutations_without_a_token_are_unauthorized() {
		GraphQlClient.anonymous(this.port)
			.documentName("registerModel")
			.variable("input", Map.of("id", "test/forbidden", "name", "x"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
		assertThat(GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"test/forbidden\") { id } }")
			.execute()
			.path("model")
			.valueIsNull()).isNotNull();
	}

	@Test
	void curator_registers_models_and_records_a_merge() {
		String a = unique("base-a");
		String b = unique("base-b");
		String merged = unique("merged");
		for (String id : List.of(a, b, merged)) {
			GraphQlClient.curator(this.port)
				.documentName("registerModel")
				.variable("input", Map.of("id", id, "name", id, "developerId", "meta", "trainingComputeFlop", 1e22))
				.execute()
				.path("registerModel.developer.id")
				.entity(String.class)
				.isEqualTo("meta");
		}
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", merged, "parentIds", List.of(a, b), "relation", "MERGE"))
			.execute()
			.path("recordDerivation[*].parent.id")
			.entityList(String.class)
			.containsExactly(a, b);
		GraphQlClient.anonymous(this.port)
			.documentName("parents")
			.variable("id", merged)
			.execute()
			.path("model.parents[*].relation")
			.entityList(String.class)
			.containsExactly("MERGE", "MERGE");
	}

	@Test
	void rejects_derivation_that_would_close_a_cycle_and_names_the_path() {
		String a = unique("a");
		String b = unique("b");
		String c = unique("c");
		for (String id : List.of(a, b, c)) {
			GraphQlClient.curator(this.port)
				.documentName("registerModel")
				.variable("input", Map.of("id", id, "name", id))
				.execute();
		}
		derive(b, a);
		derive(c, b);
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", a, "parentIds", List.of(c), "relation", "FINETUNE"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && "parentIds".equals(e.getExtensions().get("field"))
					&& e.getMessage().contains(a + " -> " + c + " -> " + b + " -> " + a))
			.verify();
		GraphQlClient.anonymous(this.port)
			.documentName("parents")
			.variable("id", a)
			.execute()
			.path("model.parents")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void rejects_bad_derivations_with_the_offending_field_and_writes_nothing() {
		String child = unique("child");
		String parent = unique("parent");
		for (String id : List.of(child, parent)) {
			GraphQlClient.curator(this.port)
				.documentName("registerModel")
				.variable("input", Map.of("id", id, "name", id))
				.execute();
		}
		expectBadRequest(Map.of("childId", child, "parentIds", List.of(child), "relation", "FINETUNE"), "parentIds");
		expectBadRequest(
				Map.of("childId", child, "parentIds", List.of(parent, "no/such-model"), "relation", "FINETUNE"),
				"parentIds");
		expectBadRequest(Map.of("childId", child, "parentIds", List.of(parent), "relation", "MERGE"), "parentIds");
		expectBadRequest(
				Map.of("childId", child, "parentIds", List.of(parent), "relation", "FINETUNE", "computeFlop", -1.0),
				"computeFlop");
		expectBadRequest(Map.of("childId", "no/such-child", "parentIds", List.of(parent), "relation", "FINETUNE"),
				"childId");
		GraphQlClient.anonymous(this.port)
			.documentName("parents")
			.variable("id", child)
			.execute()
			.path("model.parents")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void unknown_enum_values_are_refused_before_anything_runs() {
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", "x", "parentIds", List.of("y"), "relation", "TELEPORT"))
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("TELEPORT"))
			.verify();
	}

	private void expectBadRequest(Map<String, Object> input, String field) {
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", input)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && field.equals(e.getExtensions().get("field")))
			.verify();
	}

	private void derive(String child, String parent) {
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", child, "parentIds", List.of(parent), "relation", "FINETUNE"))
			.execute()
			.path("recordDerivation[0].child.id")
			.entity(String.class)
			.isEqualTo(child);
	}

	private static String unique(String name) {
		return "test/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
