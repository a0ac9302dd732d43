package dev.pedigree.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values at and past the edge of what the store keeps are refused with their field,
 * before anything is written, instead of being stored changed (a day past the month's
 * end, a number past the largest double) or failing at commit as an internal error (a
 * text longer than an index holds). Found by session 35's review; over HTTP, as a client
 * sends them.
 */
@PedigreeServerTest
class InputBoundsTests {

	private static final String REGISTER = "mutation($in: RegisterModelInput!) { registerModel(input: $in) { id releaseDate } }";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "2024-02-30", "2023-02-29", "+10000-01-01", "10000-01-01", "2024-2-01", "2024-02-29x" })
	void a_date_that_is_not_a_calendar_date_is_refused_as_a_variable_and_in_the_document(String date) {
		String id = "bounds/" + UUID.randomUUID();
		var variable = json(GraphQlClient.post(this.port, REGISTER,
				Map.of("in", Map.of("id", id, "name", "n", "releaseDate", date))));
		assertThat(variable.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(variable.read("$.errors[0].extensions.field", String.class)).isEqualTo("in");
		assertThat(variable.read("$.errors[0].message", String.class)).contains("not a calendar date")
			.doesNotContain("java.");
		var literal = json(
				GraphQlClient.post(this.port, "{ model(id: \"google/gemma-7b\", asOf: \"" + date + "\") { id } }"));
		assertThat(literal.read("$.errors[0].extensions.classification", String.class)).isEqualTo("ValidationError");
		assertThat(literal.read("$.errors[0].extensions.field", String.class)).isEqualTo("asOf");
		assertThat(literal.read("$.errors[0].message", String.class)).contains("not a calendar date");
		assertThat(model(id)).isNull();
	}

	@Test
	void a_real_date_is_stored_as_given() {
		String id = "bounds/" + UUID.randomUUID();
		var response = json(GraphQlClient.post(this.port, REGISTER,
				Map.of("in", Map.of("id", id, "name", "n", "releaseDate", "2024-02-29"))));
		assertThat(response.read("$.data.registerModel.releaseDate", String.class)).isEqualTo("2024-02-29");
	}

	@Test
	void a_number_past_the_largest_double_is_refused_not_stored_as_that_double() {
		String id = "bounds/" + UUID.randomUUID();
		var response = json(raw(MediaType.APPLICATION_JSON,
				"{\"query\": \"mutation($in: RegisterModelInput!) { registerModel(input: $in) { id } }\","
						+ " \"variables\": {\"in\": {\"id\": \"" + id
						+ "\", \"name\": \"n\", \"trainingComputeFlop\": 1e400}}}",
				200));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("in");
		var literal = json(GraphQlClient.post(this.port, "mutation { registerModel(input: {id: \"" + id
				+ "\", name: \"n\", trainingComputeFlop: 1e400}) { id } }"));
		assertThat(literal.jsonString()).contains("\"errors\"").doesNotContain("INTERNAL_ERROR");
		assertThat(model(id)).isNull();
	}

	@Test
	void the_largest_double_is_refused_as_out_of_range() {
		String id = "bounds/" + UUID.randomUUID();
		var response = json(GraphQlClient.post(this.port, REGISTER,
				Map.of("in", Map.of("id", id, "name", "n", "trainingComputeFlop", Double.MAX_VALUE))));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("trainingComputeFlop");
		assertThat(model(id)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "name", "license", "aliases" })
	void a_text_longer_than_the_store_keeps_is_refused_with_its_field(String field) {
		String id = "bounds/" + UUID.randomUUID();
		String huge = "x".repeat(100_000);
		Map<String, Object> input = new java.util.HashMap<>(Map.of("id", id, "name", "n"));
		input.put(field, field.equals("aliases") ? List.of(huge) : field.equals("id") ? id + huge : huge);
		var response = json(GraphQlClient.post(this.port, REGISTER, Map.of("in", input)));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo(field);
		assertThat(response.read("$.errors[0].message", String.class)).hasSizeLessThan(500);
		assertThat(model(id)).isNull();
	}

	// A line break in an id broke an export's file name (a 500): no source has one.
	@Test
	void an_id_with_a_control_character_is_refused_with_its_field() {
		String id = "bounds/" + UUID.randomUUID() + "\nx";
		var response = json(GraphQlClient.post(this.port, REGISTER, Map.of("in", Map.of("id", id, "name", "n"))));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("id");
		assertThat(response.read("$.errors[0].message", String.class)).contains("control character (U+000A)");
	}

	@Test
	void an_import_rejects_a_record_with_an_overlong_id_and_writes_the_rest_without_an_internal_error() {
		String prefix = "bounds-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		String content = "parent_id,child_id,relation\n" + prefix + "base," + prefix + "good,finetune\n" + prefix
				+ "base," + prefix + "x".repeat(9_000) + ",finetune\n";
		var response = json(GraphQlClient.post(this.port,
				"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created rejected { reason } } }",
				Map.of("c", content)));
		assertThat(response.jsonString()).doesNotContain("INTERNAL_ERROR");
		assertThat(response.read("$.data.importRecords.created", Integer.class)).isEqualTo(1);
		assertThat(response.read("$.data.importRecords.rejected[0].reason", String.class))
			.contains("at most " + dev.pedigree.lineage.TextLimits.ID);
		assertThat(json(
				GraphQlClient.post(this.port, "{ model(id: \"" + prefix + "good\") { parents { parent { id } } } }"))
			.read("$.data.model.parents[0].parent.id", String.class)).isEqualTo(prefix + "base");
	}

	@Test
	void an_id_that_differs_from_a_stored_one_only_in_case_is_refused_and_the_stored_one_updates() {
		String id = "bounds-" + UUID.randomUUID().toString().substring(0, 8) + "/Case-Model";
		assertThat(GraphQlClient.post(this.port, REGISTER, Map.of("in", Map.of("id", id, "name", "first"))))
			.doesNotContain("\"errors\"");
		var other = json(GraphQlClient.post(this.port, REGISTER,
				Map.of("in", Map.of("id", id.toUpperCase(java.util.Locale.ROOT), "name", "second"))));
		assertThat(other.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(other.read("$.errors[0].extensions.field", String.class)).isEqualTo("id");
		assertThat(other.read("$.errors[0].message", String.class)).contains("'" + id + "'");
		assertThat(GraphQlClient.post(this.port, REGISTER, Map.of("in", Map.of("id", id, "name", "again"))))
			.doesNotContain("\"errors\"");
		assertThat(json(GraphQlClient.post(this.port, "{ model(id: \"" + id + "\") { name } }"))
			.read("$.data.model.name", String.class)).isEqualTo("again");
	}

	@Test
	void hub_records_with_numbers_out_of_range_are_rejected_and_the_rest_written() {
		String prefix = "range-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		String info = "{\"id\": \"" + prefix + "ok\", \"downloads\": 12}\n{\"id\": \"" + prefix
				+ "huge\", \"downloads\": 1e30}\n{\"id\": \"" + prefix
				+ "weights\", \"safetensors\": {\"total\": 1e400}}\n";
		var response = json(GraphQlClient.post(this.port,
				"mutation($c: String!) { importRecords(format: HUGGINGFACE, content: $c) { created rejected { record reason } } }",
				Map.of("c", info)));
		assertThat(response.jsonString()).doesNotContain("INTERNAL_ERROR");
		assertThat(response.read("$.data.importRecords.rejected[*].record", List.class)).containsExactly(2, 3);
		assertThat(model(prefix + "ok")).isNotNull();
		assertThat(model(prefix + "huge")).isNull();
		assertThat(model(prefix + "weights")).isNull();
		var nodes = json(GraphQlClient.post(this.port,
				"mutation($c: String!) { importRecords(format: HF_NODES, content: $c) { rejected { record reason } } }",
				Map.of("c", "model_id,downloads\n" + prefix + "nodes,1e400\n")));
		assertThat(nodes.read("$.data.importRecords.rejected[0].reason", String.class)).contains("out of range");
		assertThat(model(prefix + "nodes")).isNull();
	}

	@Test
	void a_lineage_path_from_or_to_an_unknown_model_is_not_found_naming_the_end() {
		var from = json(GraphQlClient.post(this.port,
				"{ lineagePath(from: \"nobody/nothing\", to: \"google/gemma-7b\") { relation } }"));
		assertThat(from.read("$.errors[0].extensions.classification", String.class)).isEqualTo("NOT_FOUND");
		assertThat(from.read("$.errors[0].extensions.field", String.class)).isEqualTo("from");
		var to = json(GraphQlClient.post(this.port,
				"{ lineagePath(from: \"google/gemma-7b\", to: \"nobody/nothing\") { relation } }"));
		assertThat(to.read("$.errors[0].extensions.field", String.class)).isEqualTo("to");
		var none = json(GraphQlClient.post(this.port,
				"{ lineagePath(from: \"google/gemma-7b\", to: \"meta-llama/Llama-2-7b\") { relation } }"));
		assertThat(none.jsonString()).doesNotContain("errors");
		assertThat(none.read("$.data.lineagePath", Object.class)).isNull();
	}

	@Test
	void a_derivation_cannot_mitigate_a_finding_that_does_not_exist() {
		String prefix = "bounds-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		for (String m : List.of("parent", "child")) {
			assertThat(GraphQlClient.post(this.port, REGISTER, Map.of("in", Map.of("id", prefix + m, "name", m))))
				.doesNotContain("errors");
		}
		var response = json(GraphQlClient.post(this.port,
				"mutation($in: RecordDerivationInput!) { recordDerivation(input: $in) { relation } }",
				Map.of("in", Map.of("childId", prefix + "child", "parentIds", List.of(prefix + "parent"), "relation",
						"FINETUNE", "mitigates", List.of("finding/nope")))));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("mitigates");
		assertThat(response.read("$.errors[0].message", String.class)).contains("finding/nope");
		assertThat(
				json(GraphQlClient.post(this.port, "{ model(id: \"" + prefix + "child\") { parents { relation } } }"))
					.read("$.data.model.parents", List.class))
			.isEmpty();
	}

	@Test
	void many_aliased_family_reports_are_refused_before_they_run() {
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < 30; i++) {
			document.append(" r").append(i).append(": ecosystem(rootId: \"google/gemma-7b\") { totalDescendants }");
		}
		var response = json(GraphQlClient.post(this.port, document.append(" }").toString()));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("OVERLOADED");
		assertThat(response.read("$", Map.class)).doesNotContainKey("data");
		var few = json(GraphQlClient.post(this.port,
				"{ a: ecosystem(rootId: \"google/gemma-7b\") { totalDescendants } b: ecosystem(rootId: \"google/gemma-7b\", maxDepth: 1) { totalDescendants } }"));
		assertThat(few.read("$.data.a.totalDescendants", Integer.class)).isPositive();
	}

	@Test
	void a_refused_value_in_the_document_is_said_as_written_not_in_the_syntax_tree_notation() {
		var enumValue = json(GraphQlClient.post(this.port,
				"{ model(id: \"google/gemma-7b\") { children(relations: [FOO]) { totalCount } } }"));
		var intValue = json(GraphQlClient.post(this.port,
				"{ model(id: \"google/gemma-7b\") { children(first: \"ten\") { totalCount } } }"));
		var objectValue = json(GraphQlClient.post(this.port, "{ models(filter: {colour: \"red\"}) { totalCount } }"));
		for (var response : List.of(enumValue, intValue, objectValue)) {
			assertThat(response.read("$.errors[0].extensions.classification", String.class))
				.isEqualTo("ValidationError");
			assertThat(response.read("$.errors[0].message", String.class)).doesNotContain("Value{", "AST", "java.");
		}
		// The element of a list argument, as graphql-java names it.
		assertThat(enumValue.read("$.errors[0].extensions.field", String.class)).isEqualTo("relations[0]");
		assertThat(intValue.read("$.errors[0].extensions.field", String.class)).isEqualTo("first");
		assertThat(enumValue.read("$.errors[0].message", String.class)).contains("FOO");
		assertThat(intValue.read("$.errors[0].message", String.class)).contains("\"ten\"", "'Int'");
	}

	@Test
	void plain_messages_keep_what_they_say() {
		assertThat(PlainInputErrors
			.plain("argument 'relation' with value 'EnumValue{name='FOO'}' is not a valid 'Relation'"))
			.isEqualTo("argument 'relation' with value 'FOO' is not a valid 'Relation'");
		assertThat(PlainInputErrors.plain("Expected an AST type of 'IntValue' but it was a 'StringValue'"))
			.isEqualTo("Expected a value of type 'Int' but it was a 'String'");
		assertThat(PlainInputErrors
			.plain("value 'ObjectValue{objectFields=[ObjectField{name='colour', value=StringValue{value='red'}}]}' x"))
			.isEqualTo("value 'an input object' x");
		assertThat(PlainInputErrors.plain("nothing to change")).isEqualTo("nothing to change");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "{}", "{\"query\": null}", "[{\"query\": \"{ __typename }\"}]",
			"{\"query\": \"{ __typename }\", \"variables\": \"abc\"}" })
	void a_body_that_is_not_a_graphql_request_is_answered_as_a_graphql_error(String body) {
		var errors = json(raw(MediaType.APPLICATION_JSON, body, 400));
		assertThat(errors.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(errors.read("$.errors[0].message", String.class)).isNotBlank().doesNotContain("java.", "Exception");
	}

	@Test
	void a_derivation_naming_an_overlong_id_is_refused_with_its_field() {
		var response = json(GraphQlClient.post(this.port,
				"mutation($in: RecordDerivationInput!) { recordDerivation(input: $in) { relation } }",
				Map.of("in", Map.of("childId", "google/gemma-7b", "parentIds", List.of("x".repeat(100_000)), "relation",
						"FINETUNE"))));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("parentIds");
		assertThat(response.read("$.errors[0].message", String.class)).hasSizeLessThan(500);
	}

	@Test
	void a_refusal_quotes_a_huge_input_only_in_part() {
		String huge = "x".repeat(100_000);
		var response = json(GraphQlClient.post(this.port, "query($id: ID!) { ecosystem(rootId: $id) { rootId } }",
				Map.of("id", huge)));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("NOT_FOUND");
		assertThat(response.read("$.errors[0].message", String.class)).hasSizeLessThan(GraphQlErrors.MAX_MESSAGE + 100)
			.endsWith("characters in all)");
	}

	@Test
	void watch_notifications_name_their_watch_argument_and_clamp_their_page_like_every_other() {
		var unknown = json(GraphQlClient.post(this.port, "{ watchNotifications(watchId: \"nope\") { seq } }"));
		assertThat(unknown.read("$.errors[0].extensions.classification", String.class)).isEqualTo("NOT_FOUND");
		assertThat(unknown.read("$.errors[0].extensions.field", String.class)).isEqualTo("watchId");
		var huge = json(GraphQlClient.post(this.port, "{ watchNotifications(first: 100000000) { seq } }"));
		assertThat(huge.jsonString()).doesNotContain("\"errors\"");
		assertThat(huge.read("$.extensions.warnings[0].used", Integer.class)).isEqualTo(500);
	}

	@Test
	void a_body_of_another_media_type_is_answered_as_a_graphql_error() {
		assertThat(json(raw(MediaType.TEXT_PLAIN, "{ __typename }", 415)).read("$.errors[0].message", String.class))
			.contains("application/json");
	}

	@Test
	void two_hub_files_naming_one_derivation_add_up_their_evidence_instead_of_rewriting_each_other() {
		String prefix = "evidence-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		String edges = "parent_id,child_id,relation,sources\n" + prefix + "base," + prefix
				+ "tune,finetune,list:children\n";
		String info = "{\"id\": \"" + prefix + "tune\", \"tags\": [\"base_model:finetune:" + prefix + "base\"]}\n";
		String importEdges = "mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created updated unchanged } }";
		String importInfo = "mutation($c: String!) { importRecords(format: HUGGINGFACE, content: $c) { created updated unchanged } }";
		assertThat(GraphQlClient.post(this.port, importEdges, Map.of("c", edges))).doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port, importInfo, Map.of("c", info))).doesNotContain("\"errors\"");
		String source = "{ model(id: \"" + prefix + "tune\") { parents { source } } }";
		assertThat(json(GraphQlClient.post(this.port, source)).read("$.data.model.parents[0].source", String.class))
			.isEqualTo("hf:list:children|tag");
		// In turn again: nothing to change, so nothing is rewritten.
		var again = json(GraphQlClient.post(this.port, importEdges, Map.of("c", edges)));
		assertThat(again.read("$.data.importRecords.updated", Integer.class)).isZero();
		var infoAgain = json(GraphQlClient.post(this.port, importInfo, Map.of("c", info)));
		assertThat(infoAgain.read("$.data.importRecords.updated", Integer.class)).isZero();
		assertThat(json(GraphQlClient.post(this.port, source)).read("$.data.model.parents[0].source", String.class))
			.isEqualTo("hf:list:children|tag");
	}

	/**
	 * A body posted as it is, with the curator's token: the response's body, checked for
	 * {@code status}.
	 */
	private String raw(MediaType type, String body, int status) {
		return GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(type)
			.header("Authorization", "Bearer " + PedigreeServerTest.TOKEN)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private Object model(String id) {
		return json(GraphQlClient.post(this.port, "{ model(id: \"" + id + "\") { id } }")).read("$.data.model");
	}

	private static DocumentContext json(String body) {
		return JsonPath.parse(body);
	}

}
