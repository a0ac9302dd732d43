package dev.pedigree.warmup;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import dev.pedigree.storage.StatementPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warm-up plans the statements of curated writes before the server reports ready (its
 * requests only read): every statement a registerModel and a recordDerivation run through
 * GraphQL is among those planned, so a new statement on that path cannot be left to the
 * first write after a start unnoticed. The slow-query log names the statements of each
 * unit of work; its threshold is a nanosecond here, so it names every one.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=256m", "pedigree.limits.read-timeout=30s", "pedigree.warmup.requests=12",
				"pedigree.slow-query-threshold=1ns", "pedigree.security.curator-token=" + PedigreeServerTest.TOKEN })
class WritePlansTests {

	private static final Pattern UNIT = Pattern
		.compile("Slow (?:read|write) query: \\d+ ms, cypher (.+), GraphQL operation (\\w+)");

	@LocalServerPort
	int port;

	@Autowired
	List<StatementPlans> plans;

	@Autowired
	CypherQueries cypher;

	@Autowired
	Graph graph;

	@Test
	void every_statement_of_a_curated_write_was_planned_before_ready(CapturedOutput output) {
		List<Graph.Statement> planned = this.plans.stream()
			.flatMap(module -> module.statements("meta-llama/Llama-2-7b", "meta-llama/Llama-2-13b").stream())
			.toList();
		Set<String> plannedNames = new HashSet<>();
		planned.forEach(statement -> plannedNames.add(this.cypher.nameOf(statement.cypher())));
		assertThat(output.getOut()).contains("then " + planned.size() + " write statements planned in ");

		String model = "pedigree-test/write-plans-model";
		assertThat(GraphQlClient.post(this.port,
				"mutation Register($id: ID!) { registerModel(input: {id: $id, name: \"Write plans\", "
						+ "developerId: \"meta\", parameters: 7e9}) { id } }",
				Map.of("id", model)))
			.doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port,
				"mutation Anonymous($id: ID!) { registerModel(input: {id: $id, "
						+ "name: \"Write plans, no developer\"}) { id } }",
				Map.of("id", model + "-2")))
			.doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port,
				"mutation Derive($id: ID!) { recordDerivation(input: {childId: $id, "
						+ "parentIds: [\"meta-llama/Llama-2-7b\"], relation: FINETUNE}) { relation } }",
				Map.of("id", model)))
			.doesNotContain("\"errors\"");
		assertThat(GraphQlClient.post(this.port,
				"mutation Merge($id: ID!) { recordDerivation(input: {childId: $id, "
						+ "parentIds: [\"meta-llama/Llama-2-7b\", \"" + model + "\"], relation: MERGE}) { relation } }",
				Map.of("id", model + "-2")))
			.doesNotContain("\"errors\"");

		Set<String> ran = new HashSet<>();
		for (String line : output.getOut().lines().toList()) {
			Matcher unit = UNIT.matcher(line);
			if (unit.find() && List.of("Register", "Anonymous", "Derive", "Merge").contains(unit.group(2))) {
				String names = unit.group(1).replaceFirst("^transaction of ", "");
				ran.addAll(List.of(names.split(", ")));
			}
		}
		assertThat(ran).contains("lineage/register-model", "lineage/record-derivation", "lineage/append-change");
		assertThat(ran).as("statements the writes ran that the warm-up did not plan").isSubsetOf(plannedNames);
	}

	@Test
	void a_statement_planned_without_one_of_its_parameters_is_an_error_naming_it() {
		var missing = new Graph.Statement(this.cypher.get("lineage/existing-ids"), Map.of(), Graph.Runs.READ);
		assertThatThrownBy(() -> this.graph.plan(List.of(missing))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("lineage/existing-ids")
			.hasMessageContaining("ids");
	}

}
