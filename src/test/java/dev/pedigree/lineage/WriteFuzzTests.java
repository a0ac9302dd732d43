package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random curated writes: each answers data or one classified error naming the
 * input field, never an INTERNAL_ERROR, and a refused {@code recordDerivation} writes
 * nothing, not even the derivations to its acceptable parents. A failure names its seed
 * and case.
 */
@PedigreeServerTest
class WriteFuzzTests {

	private static final List<Double> NUMBERS = Arrays.asList(null, 0.0, 1e25, -1.0, -1e-9, 1.7e308);

	private static final List<String> DATES = Arrays.asList(null, "2024-02-29", "2023-02-29", "2024-13-01", "yesterday",
			"");

	private static final List<String> ACCESS = Arrays.asList(null, "OPEN_WEIGHTS", "API", "open", "");

	private static final List<String> RELATIONS = List.of("FINETUNE", "MERGE", "QUANTIZED", "SAFETY_REMOVAL");

	private static final Set<String> CLASSIFIED = Set.of("BAD_REQUEST", "NOT_FOUND");

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13, 14, 15, 16 })
	void random_writes_are_whole_or_refused_with_a_classified_error(long seed) {
		var random = new Random(seed);
		String prefix = "fuzz-" + seed + "-" + UUID.randomUUID().toString().substring(0, 6) + "/";
		// A chain m0 <- m1 <- m2 <- m3, so that some random derivations close a cycle.
		List<String> models = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			models.add(prefix + "m" + i);
			assertThat(GraphQlClient.post(this.port,
					"mutation($in: RegisterModelInput!) { registerModel(input: $in) { id } }",
					Map.of("in", Map.of("id", prefix + "m" + i, "name", "m" + i))))
				.doesNotContain("\"errors\"");
			if (i > 0) {
				assertThat(derive(prefix + "m" + i, List.of(prefix + "m" + (i - 1)), "FINETUNE", null))
					.doesNotContain("\"errors\"");
			}
		}
		for (int i = 0; i < 10; i++) {
			String label = "seed " + seed + ", case " + i;
			Map<String, Object> model = new HashMap<>();
			model.put("id", random.nextInt(5) == 0 ? " " : prefix + "r" + i);
			model.put("name", random.nextInt(6) == 0 ? "" : "R" + i);
			model.put("trainingComputeFlop", pick(random, NUMBERS));
			model.put("parameters", pick(random, NUMBERS));
			model.put("releaseDate", pick(random, DATES));
			model.put("access", pick(random, ACCESS));
			model.put("developerId", random.nextInt(4) == 0 ? "no-such-org" : null);
			check(label + " registerModel " + model, GraphQlClient.post(this.port,
					"mutation($in: RegisterModelInput!) { registerModel(input: $in) { id } }", Map.of("in", model)));

			String child = pick(random, models);
			List<String> parents = new ArrayList<>();
			for (int p = 0; p <= random.nextInt(3); p++) {
				parents.add(random.nextInt(6) == 0 ? prefix + "unknown" : pick(random, models));
			}
			int before = parentCount(child);
			String body = derive(child, parents, pick(random, RELATIONS), pick(random, NUMBERS));
			check(label + " recordDerivation " + child + " <- " + parents, body);
			if (body.contains("\"errors\"")) {
				assertThat(parentCount(child)).as(label + ": a refused write changed nothing").isEqualTo(before);
			}
		}
	}

	private void check(String label, String body) {
		assertThat(body).as(label).doesNotContain("INTERNAL_ERROR");
		if (body.contains("\"errors\"")) {
			List<Map<String, Object>> errors = JsonPath.parse(body).read("$.errors");
			assertThat(errors).as(label + " -> " + body).hasSize(1);
			var extensions = (Map<?, ?>) errors.get(0).get("extensions");
			assertThat(CLASSIFIED).as(label + " -> " + body).contains((String) extensions.get("classification"));
			assertThat(extensions.get("field")).as(label + " -> " + body).isNotNull();
		}
	}

	private int parentCount(String id) {
		return JsonPath
			.parse(GraphQlClient.post(this.port, "{ model(id: \"" + id + "\") { parents { relation } } }", Map.of()))
			.read("$.data.model.parents.length()", Integer.class);
	}

	private String derive(String child, List<String> parents, String relation, Double compute) {
		Map<String, Object> input = new HashMap<>();
		input.put("childId", child);
		input.put("parentIds", parents);
		input.put("relation", relation);
		input.put("computeFlop", compute);
		return GraphQlClient.post(this.port,
				"mutation($in: RecordDerivationInput!) { recordDerivation(input: $in) { relation } }",
				Map.of("in", input));
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
