package dev.pedigree.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is one classified error naming the field, never beside an INTERNAL_ERROR;
 * one bad id among aliased report roots leaves the others intact; clamps are reported;
 * {@code truncated} means a bound cut something. Over HTTP, as a client sees it.
 */
@PedigreeServerTest
class ErrorClassificationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "children(first: -5) { totalCount edges { cursor } }|first",
					"children(after: \"not-a-cursor\") { totalCount edges { cursor } }|after",
					"descendants(maxDepth: -1) { totalCount truncated edges { cursor } }|maxDepth",
					"descendants(first: -1) { totalCount truncated }|first",
					"descendants(after: \"bm9wZQ\") { totalCount truncated }|after" })
	void a_bad_argument_is_one_bad_request_and_nothing_else(String selection, String field) {
		var response = post("{ model(id: \"google/gemma-7b\") { id " + selection + " } }");
		List<Map<String, Object>> errors = response.read("$.errors");
		assertThat(errors).hasSize(1);
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo(field);
		assertThat(response.read("$.data.model", Object.class)).isNull();
	}

	@Test
	void one_unknown_root_among_aliased_ecosystem_reports_leaves_the_others_intact() {
		var response = post("{ a: ecosystem(rootId: \"google/gemma-7b\", maxDepth: 2) { rootId totalDescendants }"
				+ " b: ecosystem(rootId: \"nobody/nothing\") { rootId totalDescendants }"
				+ " c: upstreamExposure(foundationId: \"nobody/nothing\") { totalCount }"
				+ " d: upstreamExposure(foundationId: \"deepseek-ai/DeepSeek-V3\", first: 1) { totalCount } }");
		assertThat(response.read("$.data.a.totalDescendants", Integer.class)).isPositive();
		assertThat(response.read("$.data.b", Object.class)).isNull();
		assertThat(response.read("$.data.c", Object.class)).isNull();
		assertThat(response.read("$.data.d.totalCount", Integer.class)).isPositive();
		List<Map<String, Object>> errors = response.read("$.errors");
		assertThat(errors).hasSize(2);
		assertThat(response.read("$.errors[*].extensions.classification", List.class)).containsOnly("NOT_FOUND");
		assertThat(response.read("$.errors[?(@.path[0] == 'b')].extensions.field", List.class))
			.containsExactly("rootId");
		assertThat(response.read("$.errors[?(@.path[0] == 'c')].extensions.field", List.class))
			.containsExactly("foundationId");
	}

	@Test
	void a_clamped_page_size_is_reported_with_the_value_used() {
		var response = post("{ model(id: \"google/gemma-7b\") { children(first: 1000000) { edges { cursor } } } }");
		assertThat(response.read("$.data.model.children.edges", List.class)).hasSize(500);
		assertThat(response.read("$.extensions.warnings[0].argument", String.class)).isEqualTo("first");
		assertThat(response.read("$.extensions.warnings[0].requested", Integer.class)).isEqualTo(1000000);
		assertThat(response.read("$.extensions.warnings[0].used", Integer.class)).isEqualTo(500);
		assertThat(response.read("$.extensions.warnings[0].path", List.class)).containsExactly("model", "children");
	}

	@Test
	void a_page_size_within_the_limit_has_no_warning() {
		var response = post("{ model(id: \"google/gemma-7b\") { children(first: 500) { edges { cursor } } } }");
		assertThat(response.jsonString()).doesNotContain("warnings");
	}

	@Test
	void truncated_only_when_the_depth_bound_cut_the_family() {
		String root = fourLevelFamily();
		var clamped = post("{ model(id: \"" + root + "\") { descendants(maxDepth: 51) { totalCount truncated } } }");
		assertThat(clamped.read("$.data.model.descendants.totalCount", Integer.class)).isEqualTo(4);
		assertThat(clamped.read("$.data.model.descendants.truncated", Boolean.class)).isFalse();
		assertThat(clamped.read("$.extensions.warnings[0].argument", String.class)).isEqualTo("maxDepth");
		assertThat(clamped.read("$.extensions.warnings[0].used", Integer.class)).isEqualTo(50);
		var exact = post("{ model(id: \"" + root + "\") { descendants(maxDepth: 4) { totalCount truncated } } }");
		assertThat(exact.read("$.data.model.descendants.truncated", Boolean.class)).isFalse();
		var cut = post("{ model(id: \"" + root + "\") { descendants(maxDepth: 2) { totalCount truncated } } }");
		assertThat(cut.read("$.data.model.descendants.totalCount", Integer.class)).isEqualTo(2);
		assertThat(cut.read("$.data.model.descendants.truncated", Boolean.class)).isTrue();
	}

	@Test
	void export_errors_name_the_url_parameter() {
		exportError("/export/csv?model=google/gemma-7b&direction=sideways", "direction");
		exportError("/export/nope?model=google/gemma-7b", "format");
		exportError("/export/csv?model=google/gemma-7b&depth=0", "depth");
		exportError("/export/csv?model=google/gemma-7b&depth=deep", "depth");
	}

	private void exportError(String uri, String field) {
		var body = GraphQlClient.http(this.port)
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		var json = JsonPath.parse(body);
		assertThat(json.read("$.field", String.class)).as(uri).isEqualTo(field);
		assertThat(json.read("$.error", String.class)).as(uri).doesNotContain("--");
	}

	/** root ← m1 ← m2 ← m3 ← m4, under fresh ids. */
	private String fourLevelFamily() {
		String prefix = "errors-" + UUID.randomUUID().toString().substring(0, 8) + "/m";
		for (int i = 0; i <= 4; i++) {
			GraphQlClient.curator(this.port)
				.document(
						"mutation { registerModel(input: {id: \"" + prefix + i + "\", name: \"m" + i + "\"}) { id } }")
				.execute()
				.path("registerModel.id")
				.entity(String.class)
				.isEqualTo(prefix + i);
			if (i > 0) {
				GraphQlClient.curator(this.port)
					.document("mutation { recordDerivation(input: {childId: \"" + prefix + i + "\", parentIds: [\""
							+ prefix + (i - 1) + "\"], relation: FINETUNE}) { relation } }")
					.execute()
					.path("recordDerivation[0].relation")
					.entity(String.class)
					.isEqualTo("FINETUNE");
			}
		}
		return prefix + 0;
	}

	private DocumentContext post(String query) {
		String body = GraphQlClient.postAnonymous(this.port, query);
		assertThat(body).doesNotContain("INTERNAL_ERROR");
		return JsonPath.parse(body);
	}

}
