package dev.pedigree.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random arguments for every paged, bounded or id-taking field: whatever a client
 * sends, the answer is data or classified errors naming the field, never an
 * INTERNAL_ERROR or a 5xx. A failure names its seed and case; re-run that seed to
 * reproduce it.
 */
@PedigreeServerTest
class ArgumentFuzzTests {

	private static final String DOCUMENT = """
			query($id: ID!, $first: Int, $after: String, $depth: Int, $relations: [Relation!], $search: String) {
			  model(id: $id) {
			    id
			    parents { relation }
			    foundations { id }
			    children(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { child { id } } } }
			    ancestors(maxDepth: $depth, relations: $relations) { depth model { id } }
			    descendants(maxDepth: $depth, relations: $relations, first: $first, after: $after) { totalCount truncated edges { node { depth } } }
			  }
			  ecosystem(rootId: $id, maxDepth: $depth) { totalDescendants byOrganization(first: $first) { count } topByChildren(first: $first) { value } }
			  upstreamExposure(foundationId: $id, first: $first, after: $after) { totalCount edges { cursor } }
			  models(filter: { nameContains: $search }, first: $first, after: $after) { totalCount edges { cursor } }
			  organization(id: "google") { models(first: $first, after: $after) { totalCount } }
			}""";

	private static final List<String> IDS = List.of("google/gemma-7b", "meta-llama/Llama-2-7b",
			"deepseek-ai/DeepSeek-V3", "nobody/nothing", "", " ", "google/gemma-7b\u0000", "x".repeat(2_000));

	private static final List<Integer> SIZES = Arrays.asList(null, -1, 0, 1, 2, 20, 500, 501, Integer.MAX_VALUE,
			Integer.MIN_VALUE);

	private static final List<Integer> DEPTHS = Arrays.asList(null, -5, 0, 1, 2, 3, 50, 51, Integer.MAX_VALUE,
			Integer.MIN_VALUE);

	private static final List<String> CURSORS = Arrays.asList(null, "", "garbage", "pos:1", cursor("0"), cursor("3"),
			cursor("-1"), cursor("abc"), cursor("99999999999999999999"), cursor(Long.toString(Long.MAX_VALUE)),
			cursor("3000000000"), "%%%", "\u00e9\u00e8");

	private static final List<List<String>> RELATIONS = Arrays.asList(null, List.of(), List.of("FINETUNE"),
			List.of("QUANTIZED", "ADAPTER"), List.of("MERGE", "SAFETY_REMOVAL", "OTHER"));

	private static final List<String> SEARCHES = Arrays.asList(null, "", "llama", "%", "'\"", "\\", "a".repeat(500));

	private static final Set<String> CLASSIFIED = Set.of("BAD_REQUEST", "NOT_FOUND", "OVERLOADED", "QUERY_TIMEOUT");

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void random_arguments_get_data_or_classified_errors(long seed) {
		var random = new Random(seed);
		for (int i = 0; i < 12; i++) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", pick(random, IDS));
			variables.put("first", pick(random, SIZES));
			variables.put("after", pick(random, CURSORS));
			variables.put("depth", pick(random, DEPTHS));
			variables.put("relations", pick(random, RELATIONS));
			variables.put("search", pick(random, SEARCHES));
			String label = "seed " + seed + ", case " + i + ": "
					+ variables.toString().replace("x".repeat(2_000), "x…");
			var result = GraphQlClient.http(this.port)
				.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", DOCUMENT, "variables", variables))
				.exchange()
				.expectBody(String.class)
				.returnResult();
			String body = result.getResponseBody();
			assertThat(result.getStatus().value()).as(label + " -> " + body).isEqualTo(200);
			assertThat(body).as(label).doesNotContain("INTERNAL_ERROR");
			if (body.contains("\"errors\"")) {
				List<Map<String, Object>> errors = JsonPath.parse(body).read("$.errors");
				for (var error : errors) {
					var extensions = (Map<?, ?>) error.get("extensions");
					assertThat(extensions).as(label + " -> " + error).isNotNull();
					assertThat(CLASSIFIED).as(label + " -> " + error)
						.contains((String) extensions.get("classification"));
					if ("BAD_REQUEST".equals(extensions.get("classification"))) {
						assertThat(extensions.get("field")).as(label + " -> " + error).isNotNull();
					}
				}
			}
		}
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String cursor(String position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("pos:" + position).getBytes(StandardCharsets.UTF_8));
	}

}
