package dev.pedigree.risk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model whose developer is not recorded is not left out of a liability trace, nor
 * answered with no obligations: under each rule set its verdict is UNDETERMINED, names
 * the person the rule attaches to and its article, and says what would decide it. Over
 * HTTP.
 */
@PedigreeServerTest
class UnattributedModelTests {

	@LocalServerPort
	int port;

	@Test
	void a_chain_with_an_unknown_developer_lists_it_undetermined_in_the_trace_its_obligations_and_the_report() {
		String prefix = "unattributed-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		// A chain of its own: a derivation below a seeded model would change the family
		// counts other tests of the shared store read.
		register(prefix + "base", null);
		register(prefix + "child", null);
		assertThat(GraphQlClient.post(this.port,
				"mutation($in: RecordDerivationInput!) { recordDerivation(input: $in) { relation } }", Map.of("in", Map
					.of("childId", prefix + "child", "parentIds", List.of(prefix + "base"), "relation", "FINETUNE"))))
			.doesNotContain("\"errors\"");

		var trace = json(GraphQlClient.post(this.port, "{ liabilityTrace(modelId: \"" + prefix + "child\") {"
				+ " parties { organization { id } model { id } }"
				+ " unattributed { model { id } depth via { parent { id } } roles { jurisdiction role basis reasons } } } }"));
		assertThat(trace.read("$.data.liabilityTrace.parties", List.class)).isEmpty();
		assertThat(trace.read("$.data.liabilityTrace.unattributed[*].model.id", List.class))
			.containsExactly(prefix + "child", prefix + "base");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[1].via.parent.id", String.class))
			.isEqualTo(prefix + "base");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].model.id", String.class))
			.isEqualTo(prefix + "child");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].depth", Integer.class)).isZero();
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].roles[*].jurisdiction", List.class))
			.containsExactlyInAnyOrder("EU", "US-CA");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].roles[*].role", List.class))
			.containsOnly("UNDETERMINED");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].roles[*].basis", List.class))
			.containsOnly("UNDETERMINED");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].roles[?(@.jurisdiction == 'EU')].reasons[0]",
				List.class))
			.singleElement()
			.asString()
			.contains("No developer of " + prefix + "child", "Art. 3(3)", "developerId");
		assertThat(trace.read("$.data.liabilityTrace.unattributed[0].roles[?(@.jurisdiction == 'US-CA')].reasons[0]",
				List.class))
			.singleElement()
			.asString()
			.contains("§22757.11(h)");

		var obligations = json(GraphQlClient.post(this.port, "{ model(id: \"" + prefix
				+ "child\") { all: obligations { jurisdiction role } eu: obligations(jurisdiction: \"EU\") { role } } }"));
		assertThat(obligations.read("$.data.model.all[*].role", List.class)).containsOnly("UNDETERMINED").hasSize(2);
		assertThat(obligations.read("$.data.model.eu[*].role", List.class)).containsExactly("UNDETERMINED");

		String report = new String(
				GraphQlClient.download(this.port, "/report/liability?model=" + prefix + "child&format=md"),
				StandardCharsets.UTF_8);
		assertThat(report).contains("## Models without a recorded developer", "### " + prefix + "child",
				"**EU: UNDETERMINED**");
	}

	@Test
	void obligations_under_a_jurisdiction_no_rule_set_covers_are_refused() {
		var response = json(GraphQlClient.post(this.port,
				"{ model(id: \"google/gemma-7b\") { obligations(jurisdiction: \"MARS\") { role } } }"));
		assertThat(response.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(response.read("$.errors[0].extensions.field", String.class)).isEqualTo("jurisdiction");
		assertThat(response.read("$.errors[0].message", String.class)).contains("EU", "US-CA");
	}

	@Test
	void a_model_with_a_developer_keeps_its_evaluated_roles() {
		var response = json(GraphQlClient.post(this.port,
				"{ model(id: \"google/gemma-7b\") { obligations(jurisdiction: \"EU\") { role reasons } } }"));
		assertThat(response.read("$.data.model.obligations", List.class)).hasSize(1);
		assertThat(response.read("$.data.model.obligations[0].reasons", List.class)).isNotEmpty()
			.noneSatisfy(reason -> assertThat((String) reason).contains("No developer of"));
	}

	private void register(String id, String developer) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("id", id, "name", id));
		if (developer != null) {
			input.put("developerId", developer);
		}
		assertThat(GraphQlClient.post(this.port,
				"mutation($in: RegisterModelInput!) { registerModel(input: $in) { id } }", Map.of("in", input)))
			.doesNotContain("\"errors\"");
	}

	private static DocumentContext json(String body) {
		return JsonPath.parse(body);
	}

}
