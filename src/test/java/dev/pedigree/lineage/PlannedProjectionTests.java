package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planned statement returns only the properties the request's selection reads
 * ({@link Projection}): for every field of Model and Derivation the schema has (read by
 * introspection, so a field added later is covered), selected on the model, on the models
 * the statement lists and on their derivations, the planned answer over HTTP equals the
 * field-by-field path's, which reads whole nodes.
 */
@PedigreeServerTest
class PlannedProjectionTests {

	/**
	 * A second lineage field beside the first makes the request take the field-by-field
	 * path.
	 */
	private static final String APART = "zApart";

	@LocalServerPort
	int port;

	private Map<String, Map<String, String>> selections;

	@BeforeEach
	void readSchema() {
		this.selections = new HashMap<>();
		for (String type : List.of("Model", "Derivation")) {
			this.selections.put(type, fields(type, true));
		}
	}

	@Test
	void every_model_field_on_the_model_and_the_models_a_statement_lists() {
		var fields = this.selections.get("Model");
		for (var field : fields.entrySet()) {
			String selection = field.getValue();
			boolean lineage = List.of("ancestors", "parents", "descendants").contains(field.getKey());
			String root = lineage ? "id" : "id " + selection;
			for (String id : List.of("mradermacher/medinote-7b-GGUF",
					"mlx-community/Mistral-Small-24B-Instruct-2501-abliterated")) {
				same(id, root + " ancestors { depth model { id " + selection + " } via { relation } }",
						"parents { relation }");
				same(id, root + " parents { relation parent { id " + selection + " } }", "ancestors { depth }");
			}
			for (String id : List.of("mistralai/Mistral-Small-24B-Base-2501", "AGBonnet/medinote-7b")) {
				same(id, root + " descendants(first: 30) { totalCount edges { cursor node { depth model { id "
						+ selection + " } via { relation } } } }", "parents { relation }");
			}
		}
		String all = fields.entrySet()
			.stream()
			.filter(f -> !List.of("ancestors", "parents", "descendants").contains(f.getKey()))
			.map(Map.Entry::getValue)
			.collect(Collectors.joining(" "));
		same("mradermacher/medinote-7b-GGUF", all + " ancestors { model { " + all + " } }", "parents { relation }");
		same("mlx-community/Mistral-Small-24B-Instruct-2501-abliterated",
				all + " parents { relation parent { " + all + " } }", "ancestors { depth }");
		same("mistralai/Mistral-Small-24B-Base-2501", all + " descendants { edges { node { model { " + all + " } } } }",
				"parents { relation }");
	}

	@Test
	void every_derivation_field_of_the_derivations_a_statement_lists() {
		var fields = this.selections.get("Derivation");
		List<String> each = new ArrayList<>(fields.values());
		each.add(String.join(" ", fields.values()));
		for (String selection : each) {
			for (String id : List.of("mradermacher/medinote-7b-GGUF",
					"mlx-community/Mistral-Small-24B-Instruct-2501-abliterated")) {
				same(id, "id ancestors { depth model { id } via { " + selection + " } }", "parents { relation }");
				same(id, "id parents { " + selection + " }", "ancestors { depth }");
			}
			for (String id : List.of("mistralai/Mistral-Small-24B-Base-2501", "AGBonnet/medinote-7b")) {
				same(id, "id descendants(first: 30) { edges { node { model { id } via { " + selection + " } } } }",
						"parents { relation }");
			}
		}
	}

	/**
	 * A page that reads no member's derivation takes the cheaper statement (depths from a
	 * breadth-first expand, no shortest paths) and answers what the field answers: each
	 * member once, at its least depth (one reached through a merge of two parents, one
	 * both directly and three levels down), page by page after each cursor.
	 */
	@Test
	void a_page_without_derivations_lists_each_member_once_at_its_least_depth() {
		String root = depthsFixture();
		double statements = Curation.statementsRun(this.port, "lineage/model-with-descendants-depths");
		String whole = "id descendants(first: 10) { totalCount edges { cursor node { depth model { id name } } } }";
		Map<String, Object> planned = model(root, whole);
		assertThat(Curation.statementsRun(this.port, "lineage/model-with-descendants-depths"))
			.isEqualTo(statements + 1);
		Map<?, ?> page = (Map<?, ?>) planned.get("descendants");
		assertThat(page.get("totalCount")).isEqualTo(5);
		assertThat(((List<?>) page.get("edges")).stream().map(e -> {
			var node = (Map<?, ?>) ((Map<?, ?>) e).get("node");
			return node.get("depth") + " " + ((Map<?, ?>) node.get("model")).get("id");
		})).containsExactly("1 depths-fixture/a", "1 depths-fixture/b", "1 depths-fixture/e", "2 depths-fixture/c",
				"3 depths-fixture/d");
		same(root, whole, "parents { relation }");
		String after = null;
		for (int i = 0; i < 3; i++) {
			String selection = "id descendants(first: 2" + (after == null ? "" : ", after: \"" + after + "\"")
					+ ") { totalCount edges { node { depth model { id } } } pageInfo { endCursor } }";
			same(root, selection, "parents { relation }");
			after = (String) ((Map<?, ?>) ((Map<?, ?>) model(root, selection).get("descendants")).get("pageInfo"))
				.get("endCursor");
		}
	}

	/**
	 * Ancestors without their derivations come from the cheaper statement too, each once
	 * at its least depth (the root both a parent and four levels up), as the field lists
	 * them; with a relations filter or {@code via} selected, from the shortest paths.
	 */
	@Test
	void ancestors_without_derivations_are_each_listed_once_at_their_least_depth() {
		depthsFixture();
		String leaf = "depths-fixture/e";
		double statements = Curation.statementsRun(this.port, "lineage/ancestors-depths");
		String selection = "id ancestors { depth model { id name } }";
		Map<String, Object> planned = model(leaf, selection);
		assertThat(Curation.statementsRun(this.port, "lineage/ancestors-depths")).isEqualTo(statements + 1);
		assertThat(((List<?>) planned.get("ancestors")).stream().map(e -> {
			var entry = (Map<?, ?>) e;
			return entry.get("depth") + " " + ((Map<?, ?>) entry.get("model")).get("id");
		})).containsExactly("1 depths-fixture/d", "1 depths-fixture/root", "2 depths-fixture/c", "3 depths-fixture/a",
				"3 depths-fixture/b");
		same(leaf, selection, "parents { relation }");
		same(leaf, "id ancestors(relations: [FINETUNE, QUANTIZED, MERGE]) { depth model { id } }",
				"parents { relation }");
		same(leaf, "id ancestors(maxDepth: 2) { depth model { id } }", "parents { relation }");
		assertThat(Curation.statementsRun(this.port, "lineage/ancestors-depths")).as("not with a relations filter")
			.isEqualTo(statements + 2);
	}

	/**
	 * A family with a merge of two parents ({@code c}) and a member that is both a direct
	 * derivative and three levels down ({@code e}); its root's id.
	 */
	private String depthsFixture() {
		Curation.importRecords(this.port, "HF_EDGES", """
				parent_id,child_id,relation
				depths-fixture/root,depths-fixture/a,finetune
				depths-fixture/root,depths-fixture/b,finetune
				depths-fixture/a,depths-fixture/c,merge
				depths-fixture/b,depths-fixture/c,merge
				depths-fixture/c,depths-fixture/d,quantized
				depths-fixture/d,depths-fixture/e,finetune
				depths-fixture/root,depths-fixture/e,merge
				""");
		return "depths-fixture/root";
	}

	/**
	 * A planned answer holds only what its own place selects: the same model met deeper
	 * (a derivation's child, a parent's children, a descendant's parent) reads its
	 * lineage again, with every property its own selection asks for.
	 */
	@Test
	void lineage_fields_below_a_planned_statement_read_their_own_answers() {
		String leaf = "mradermacher/medinote-7b-GGUF";
		String middle = "AGBonnet/medinote-7b";
		same(leaf, "id parents { parent { id } child { parents { relation parent { license name } } } }",
				"ancestors { depth }");
		same(leaf,
				"id ancestors { model { id } via { child { ancestors { model { license name } via { relation } } } } }",
				"parents { relation }");
		same(middle,
				"id parents { parent { id children(first: 50) { edges { node { relation parent { name license } } } } } }",
				"ancestors { depth }");
		same(middle,
				"id descendants(first: 30) { edges { node { via { parent { descendants(first: 30) { edges { node { "
						+ "model { license name } via { relation } } } } } } } } }",
				"parents { relation }");
	}

	/**
	 * A plan is worked out once per document and the values of the variables used below
	 * the model ({@link FieldPlans}): one document answers each request as its own
	 * variables select (properties, a page's size, whether derivations are read, a
	 * fragment's condition), as the field-by-field path answers it.
	 */
	@Test
	void one_document_answers_each_request_as_its_variables_select() {
		String descendants = """
				query($id: ID!, $first: Int, $via: Boolean!, $likes: Boolean!, $license: Boolean!) {
				  model(id: $id) { id %s descendants(first: $first) { totalCount edges { node { depth
					model { id likes @include(if: $likes) ...License } via @include(if: $via) { relation } } } } }
				}
				fragment License on Model { license @include(if: $license) }""";
		String ancestors = """
				query($id: ID!, $depth: Int, $via: Boolean!, $likes: Boolean!, $license: Boolean!) {
				  model(id: $id) { id %s ancestors(maxDepth: $depth) {
					depth model { id likes @include(if: $likes) ...License } via @include(if: $via) { relation } } }
				}
				fragment License on Model { license @include(if: $license) }""";
		String parents = """
				query($id: ID!, $likes: Boolean!, $license: Boolean!) {
				  model(id: $id) { id %s parents { relation parent { id likes @include(if: $likes) ...License } } }
				}
				fragment License on Model { license @include(if: $license) }""";
		// The eight combinations of the conditions counted up (each is switched on once
		// while the others stay as they were), then larger pages and depths with all on.
		// A page or depth the plan got wrong would be read again by the field itself:
		// FieldPlansTests checks those variables.
		for (int round = 0; round < 10; round++) {
			int conditions = Math.min(round, 7);
			boolean via = (conditions & 1) == 1;
			boolean likes = (conditions & 2) == 2;
			boolean license = (conditions & 4) == 4;
			Map<String, Object> variables = new HashMap<>(Map.of("via", via, "likes", likes, "license", license));
			variables.put("id", "mistralai/Mistral-Small-24B-Base-2501");
			variables.put("first", round < 8 ? 2 : round);
			sameWith(descendants, "parents { relation }", variables);
			variables.put("id", "mradermacher/medinote-7b-GGUF");
			variables.put("depth", round < 8 ? 1 : round - 6);
			sameWith(ancestors, "parents { relation }", variables);
			variables.put("id", "mlx-community/Mistral-Small-24B-Instruct-2501-abliterated");
			sameWith(parents, "ancestors { depth }", variables);
		}
	}

	/**
	 * The model {@code document} asks for (its {@code %s} left empty: planned) equals it
	 * with {@code other} beside its lineage field under an alias (field by field).
	 */
	private void sameWith(String document, String other, Map<String, Object> variables) {
		Map<String, Object> planned = model(document.formatted(""), variables);
		Map<String, Object> apart = new HashMap<>(model(document.formatted(APART + ": " + other), variables));
		assertThat(apart.remove(APART)).isNotNull();
		assertThat(planned).as(variables.toString()).isEqualTo(apart);
	}

	private Map<String, Object> model(String document, Map<String, Object> variables) {
		var request = GraphQlClient.anonymous(this.port).document(document);
		variables.forEach(request::variable);
		return request.execute().path("model").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	/**
	 * The model with {@code selection} planned (one lineage field) equals it with
	 * {@code other} beside it under an alias (field by field).
	 */
	private void same(String id, String selection, String other) {
		Map<String, Object> planned = model(id, selection);
		Map<String, Object> apart = new HashMap<>(model(id, selection + " " + APART + ": " + other));
		assertThat(apart.remove(APART)).isNotNull();
		assertThat(planned).as(selection).isEqualTo(apart);
	}

	private Map<String, Object> model(String id, String selection) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { " + selection + " } }")
			.variable("id", id)
			.execute()
			.path("model")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	/**
	 * Each field of {@code type} that needs no argument, with a selection of its type's
	 * own fields one level down (leaves only below that).
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> fields(String type, boolean nested) {
		List<Map<String, Object>> fields = GraphQlClient.anonymous(this.port)
			.document("query($type: String!) { __type(name: $type) { fields { name args { type { kind } defaultValue }"
					+ " type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }")
			.variable("type", type)
			.execute()
			.path("__type.fields")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Map<String, String> selections = new java.util.LinkedHashMap<>();
		for (Map<String, Object> field : fields) {
			List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
			if (args.stream()
				.anyMatch(a -> "NON_NULL".equals(((Map<?, ?>) a.get("type")).get("kind"))
						&& a.get("defaultValue") == null)) {
				continue;
			}
			Map<?, ?> named = (Map<?, ?>) field.get("type");
			while (named.get("name") == null) {
				named = (Map<?, ?>) named.get("ofType");
			}
			String name = (String) field.get("name");
			String kind = (String) named.get("kind");
			if (kind.equals("SCALAR") || kind.equals("ENUM")) {
				selections.put(name, name);
			}
			else if (nested) {
				var below = fields((String) named.get("name"), false);
				selections.put(name, name + " { __typename " + String.join(" ", below.values()) + " }");
			}
		}
		return selections;
	}

}
