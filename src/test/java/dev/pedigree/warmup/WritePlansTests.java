package dev.pedigree.warmup;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * GraphQL, with and without a developer, from one parent and as a merge, was planned with
 * the same parameter shapes (the database keys a plan by its parameters' types and the
 * size class of each string and list), so a new statement or a changed parameter on that
 * path cannot be left to the first write after a start unnoticed. (Not checked here:
 * whether the transaction had written before the statement, the third part of the key;
 * docs/benchmarks.md, session 32, measured that part.) The warm-up's log line says how
 * many it planned.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=256m", "pedigree.limits.read-timeout=30s", "pedigree.warmup.requests=12",
				"pedigree.security.curator-token=" + PedigreeServerTest.TOKEN })
class WritePlansTests {

	private static final List<String> OPERATIONS = List.of("Register", "Anonymous", "Derive", "Merge");

	@LocalServerPort
	int port;

	@Autowired
	List<StatementPlans> plans;

	@Autowired
	CypherQueries cypher;

	@Autowired
	Graph graph;

	@Test
	void every_statement_of_a_curated_write_was_planned_with_the_shapes_it_ran_with(CapturedOutput output)
			throws Exception {
		List<Graph.Statement> planned = this.plans.stream()
			.flatMap(module -> module.statements("meta-llama/Llama-2-7b", "meta-llama/Llama-2-13b").stream())
			.toList();
		Set<String> plannedShapes = new HashSet<>();
		planned.forEach(statement -> plannedShapes.add(shape(statement.cypher(), statement.parameters())));
		assertThat(output.getOut()).contains("then " + planned.size() + " write statements planned in ");

		Set<String> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
		String model = "pedigree-test/write-plans-model";
		try (var observing = this.graph.observeStatements((operation, cypher, parameters) -> {
			if (OPERATIONS.contains(operation)) {
				ran.add(shape(cypher, parameters));
			}
		})) {
			write("mutation Register($id: ID!) { registerModel(input: {id: $id, name: \"Write plans\", "
					+ "developerId: \"meta\", parameters: 7e9}) { id } }", model);
			write("mutation Anonymous($id: ID!) { registerModel(input: {id: $id, name: \"Write plans, no developer\"}) "
					+ "{ id } }", model + "-2");
			write("mutation Derive($id: ID!) { recordDerivation(input: {childId: $id, "
					+ "parentIds: [\"meta-llama/Llama-2-7b\"], relation: FINETUNE}) { relation } }", model);
			write("mutation Merge($id: ID!) { recordDerivation(input: {childId: $id, parentIds: "
					+ "[\"meta-llama/Llama-2-7b\", \"" + model + "\"], relation: MERGE}) { relation } }", model + "-2");
		}
		assertThat(ran).anySatisfy(shape -> assertThat(shape).startsWith("lineage/register-model "))
			.anySatisfy(shape -> assertThat(shape).startsWith("lineage/record-derivation "))
			.anySatisfy(shape -> assertThat(shape).startsWith("lineage/append-change "));
		assertThat(ran).as("statements and parameter shapes the writes ran that the warm-up did not plan")
			.isSubsetOf(plannedShapes);
	}

	@Test
	void a_statement_planned_without_one_of_its_parameters_is_an_error_naming_it() {
		var missing = new Graph.Statement(this.cypher.get("lineage/existing-ids"), Map.of(), Graph.Runs.READ);
		assertThatThrownBy(() -> this.graph.plan(List.of(missing))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("lineage/existing-ids")
			.hasMessageContaining("ids");
	}

	@Test
	void parameter_shapes_follow_the_plan_caches_size_classes() {
		assertThat(type("meta")).isEqualTo("STRING/10");
		assertThat(type("meta-llama/Llama-2-7b")).isEqualTo("STRING/100");
		assertThat(type("x")).isEqualTo("STRING/1");
		assertThat(type(List.of())).isEqualTo("LIST<ANY>/0");
		assertThat(type(List.of("a", "b"))).isEqualTo("LIST<STRING>/10");
		assertThat(type(List.of(Map.of()))).isEqualTo("LIST<ANY>/1");
		assertThat(type(null)).isEqualTo("ANY");
		assertThat(type(Map.of("a", 1))).isEqualTo("MAP");
	}

	private void write(String mutation, String id) {
		assertThat(GraphQlClient.post(this.port, mutation, Map.of("id", id))).doesNotContain("\"errors\"");
	}

	/**
	 * A statement as the database's plan cache tells it apart: its text, each parameter's
	 * type and, for strings and lists, size class (0, 1, then the next power of ten),
	 * lists of strings apart from other lists.
	 */
	private String shape(String cypher, Map<String, Object> parameters) {
		var types = new java.util.TreeMap<String, String>();
		parameters.forEach((key, value) -> types.put(key, type(value)));
		return this.cypher.nameOf(cypher) + " " + cypher.hashCode() + " " + types;
	}

	private static String type(Object value) {
		if (value == null) {
			return "ANY";
		}
		if (value instanceof String text) {
			return "STRING/" + sizeClass(text.length());
		}
		if (value instanceof List<?> list) {
			boolean strings = !list.isEmpty() && list.stream().allMatch(String.class::isInstance);
			return (strings ? "LIST<STRING>/" : "LIST<ANY>/") + sizeClass(list.size());
		}
		if (value instanceof Map<?, ?>) {
			return "MAP";
		}
		if (value instanceof Integer || value instanceof Long) {
			return "INTEGER";
		}
		if (value instanceof Double || value instanceof Float) {
			return "FLOAT";
		}
		return value.getClass().getSimpleName();
	}

	private static long sizeClass(int size) {
		long bucket = 1;
		while (bucket < size) {
			bucket *= 10;
		}
		return (size == 0) ? 0 : bucket;
	}

}
