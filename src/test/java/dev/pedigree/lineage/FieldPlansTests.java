package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FieldPlans} answers every request with the plan its own selection gives, and
 * works a plan out once for requests that differ only in what the selection does not use:
 * on a small schema whose fetcher compares the kept plan with the one the request's
 * selection gives, over documents kept by their text as the server keeps them.
 */
class FieldPlansTests {

	private static final String SCHEMA = """
			type Query { item(id: ID!): Item }
			type Item { id: ID name: String items(first: Int, after: String): [Item] }
			""";

	private final AtomicInteger planned = new AtomicInteger();

	private final List<String> mismatches = new ArrayList<>();

	private GraphQL graphQl;

	@BeforeEach
	void schema() {
		FieldPlans<String> plans = new FieldPlans<>(selection -> {
			this.planned.incrementAndGet();
			return describe(selection);
		});
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("item", environment -> {
				String kept = plans.plan(environment);
				String own = describe(environment.getSelectionSet());
				if (!kept.equals(own)) {
					this.mismatches.add(kept + " instead of " + own);
				}
				return Map.of("id", environment.getArgument("id"), "name", "n");
			}))
			.type("Item", type -> type.dataFetcher("items", environment -> List.of(Map.of("id", "c", "name", "m"))))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();
		this.graphQl = GraphQL.newGraphQL(schema)
			.preparsedDocumentProvider((input, parse) -> CompletableFuture
				.completedFuture(documents.computeIfAbsent(input.getQuery(), query -> parse.apply(input))))
			.build();
	}

	/** Every field below, at every level, with its arguments as resolved. */
	private static String describe(DataFetchingFieldSelectionSet selection) {
		return selection.getFields()
			.stream()
			.map(field -> field.getQualifiedName() + field.getArguments())
			.sorted()
			.collect(Collectors.joining(" "));
	}

	private void run(String document, String operation, Map<String, Object> variables) {
		ExecutionResult result = this.graphQl
			.execute(ExecutionInput.newExecutionInput(document).operationName(operation).variables(variables).build());
		assertThat(result.getErrors()).as(document).isEmpty();
		assertThat(this.mismatches).as(document + " " + variables).isEmpty();
	}

	private static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return variables;
	}

	@Test
	void requests_that_differ_only_in_the_fields_own_arguments_share_a_plan() {
		String document = "query($id: ID!, $n: Int) { item(id: $id) { name items(first: $n) { id } } }";
		run(document, null, variables("id", "a", "n", 2));
		run(document, null, variables("id", "b", "n", 2));
		run(document, null, variables("id", "c", "n", 2));
		assertThat(this.planned).hasValue(1);
		run(document, null, variables("id", "a", "n", 3));
		assertThat(this.planned).hasValue(2);
	}

	@Test
	void a_variable_left_out_and_one_sent_as_null_are_planned_apart() {
		String document = "query($id: ID!, $n: Int) { item(id: $id) { items(first: $n) { id } } }";
		run(document, null, variables("id", "a"));
		run(document, null, variables("id", "a", "n", null));
		run(document, null, variables("id", "a"));
		assertThat(this.planned).hasValue(2);
	}

	@Test
	void variables_in_conditions_nested_fragments_and_merged_fields_are_part_of_the_plan() {
		String document = """
				query($id: ID!, $n: Int, $named: Boolean!, $after: String) {
				  item(id: $id) { name @include(if: $named) }
				  item(id: $id) { ...Outer }
				}
				fragment Outer on Item { ... on Item { ...Inner } }
				fragment Inner on Item { items(first: $n, after: $after) { id } }""";
		for (Object n : List.of(1, 2)) {
			for (boolean named : List.of(false, true)) {
				for (Object after : List.of("x", "y")) {
					run(document, null, variables("id", "a", "n", n, "named", named, "after", after));
				}
			}
		}
		assertThat(this.planned).hasValue(8);
	}

	@Test
	void two_operations_sharing_a_fragment_are_planned_with_their_own_defaults() {
		String document = """
				query One($n: Int = 1) { ...Item }
				query Two($n: Int = 2) { ...Item }
				fragment Item on Query { item(id: "a") { items(first: $n) { id } } }""";
		run(document, "One", Map.of());
		run(document, "Two", Map.of());
		run(document, "One", Map.of());
		assertThat(this.planned).hasValue(2);
	}

}
