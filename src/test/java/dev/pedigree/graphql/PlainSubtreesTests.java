package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherResult;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlainSubtrees.Strategy} against GraphQL Java's own strategy on a small schema:
 * the same response (data in the same key order, the same errors) for every document, and
 * the subtrees it completes in one pass are exactly the plain ones.
 */
class PlainSubtreesTests {

	private static final String SCHEMA = """
			type Query {
			  things: [Thing!]!
			  page: Page
			  later: [Thing]
			  broken: [Thing!]
			  badKind: Thing
			  wrapped: Thing
			  mixed: [Result]
			  named: [Named]
			  matrix: [[Int!]]
			  wrappedList: [Thing]
			  reactive: Thing
			  doublyOptional: Thing
			}
			type Page { total: Int! items: [Thing!]! }
			type Thing { id: ID! name: String kind: Kind! n: Int tags: [String!]! child: Thing computed: String named: String! }
			type Other implements Named { name: String }
			interface Named { name: String }
			union Result = Thing | Other
			enum Kind { A B }
			""";

	private static Map<String, Object> thing(String id, String name, String kind, Integer n, Object child) {
		Map<String, Object> thing = new LinkedHashMap<>();
		thing.put("id", id);
		thing.put("name", name);
		thing.put("kind", kind);
		thing.put("n", n);
		thing.put("tags", List.of("t-" + id, "u"));
		thing.put("child", child);
		thing.put("named", "named " + id);
		return thing;
	}

	private static List<Map<String, Object>> things() {
		List<Map<String, Object>> things = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			things.add(thing("t" + i, i % 2 == 0 ? "Thing " + i : null, i % 2 == 0 ? "A" : "B", i,
					i == 0 ? null : thing("c" + i, "Child " + i, "A", null, null)));
		}
		return things;
	}

	private static GraphQLSchema schema() {
		return new SchemaGenerator()
			.makeExecutableSchema(new SchemaParser().parse(SCHEMA),
					RuntimeWiring.newRuntimeWiring()
						.type("Query", wiring -> wiring.dataFetcher("things", env -> things())
							.dataFetcher("page", env -> Map.of("total", 5, "items", things()))
							.dataFetcher("later", env -> CompletableFuture.supplyAsync(PlainSubtreesTests::things))
							.dataFetcher("broken", env -> {
								var things = things();
								things.get(3).put("named", null);
								return things;
							})
							.dataFetcher("badKind", env -> thing("k", "K", "C", 1, null))
							.dataFetcher("wrapped", env -> {
								var thing = thing("w", "W", "A", 1, null);
								thing.put("child",
										DataFetcherResult.newResult()
											.data(thing("wc", "WC", "B", 2, null))
											.localContext("x")
											.build());
								return thing;
							})
							.dataFetcher("mixed",
									env -> List.of(thing("m", "M", "A", 1, null), Map.of("name", "other")))
							.dataFetcher("named", env -> List.of(Map.of("name", "other")))
							.dataFetcher("matrix", env -> List.of(List.of(1, 2), List.of(3)))
							// List elements wrapped in results (data, errors): GraphQL
							// Java unwraps each (completeValueForList).
							.dataFetcher("wrappedList", env -> List.of(
									DataFetcherResult.newResult()
										.data(thing("l0", "L0", "A", 1, null))
										.error(GraphqlErrorBuilder.newError().message("partial").build())
										.build(),
									DataFetcherResult.newResult().data(thing("l1", "L1", "B", 2, null)).build()))
							// A property holding a Publisher: GraphQL Java awaits it
							// (ReactiveSupport.fetchedObject).
							.dataFetcher("reactive", env -> {
								var thing = thing("r", "R", "A", 1, null);
								thing.put("name", Mono.just("reactive R"));
								return thing;
							})
							// GraphQL Java unboxes a fetched value twice (on fetching and
							// on completing).
							.dataFetcher("doublyOptional", env -> {
								var thing = thing("o", "O", "A", 1, null);
								thing.put("name", Optional.of(Optional.of("optional O")));
								return thing;
							}))
						.type("Thing", wiring -> wiring.dataFetcher("computed", env -> "computed"))
						.type("Result", wiring -> wiring.typeResolver(env -> env.getSchema()
							.getObjectType(((Map<?, ?>) env.getObject()).containsKey("id") ? "Thing" : "Other")))
						.type("Named", wiring -> wiring.typeResolver(env -> env.getSchema().getObjectType("Other")))
						.build());
	}

	static List<Arguments> documents() {
		return List.of(
				// Plain: a list of objects with scalars, enums, lists and a nested
				// object.
				Arguments.of("{ things { id name kind n tags child { id name kind } } }", true),
				// Aliases, merged fields, fragments in place, __typename.
				Arguments.of(
						"""
								{ things { a: id id ...F name ... on Thing { kind nid: id } child { __typename id ...F } __typename }
								  again: things { ...F } }
								fragment F on Thing { n name child { id } }
								""",
						true),
				// The same field twice with different sub-selections, merged.
				Arguments.of("{ things { child { id } child { name } } }", true),
				// A page object, plain all the way down.
				Arguments.of("{ page { total items { id kind } } }", true),
				// Answered later: the top is a future, the subtree still plain.
				Arguments.of("{ later { id name } }", true),
				// Lists of scalars are left to GraphQL Java.
				Arguments.of("{ matrix }", false),
				// A directive anywhere below: field by field.
				Arguments.of("{ things { id name @include(if: true) } }", false),
				Arguments.of("query($yes: Boolean!) { things { id ... on Thing @skip(if: $yes) { name } } }", false),
				// A fetcher that is not a plain read.
				Arguments.of("{ things { id computed } }", false),
				// Abstract types.
				Arguments.of("{ mixed { ... on Thing { id } ... on Other { name } __typename } }", false),
				Arguments.of("{ named { name } }", false),
				// A null where the schema promises a value: GraphQL Java's error and
				// nulls.
				Arguments.of("{ broken { id named } }", false),
				// A value the enum cannot serialise: GraphQL Java's error.
				Arguments.of("{ badKind { id kind } }", false),
				// A property holding a fetcher's result wrapper: unwrapped field by
				// field, the object inside it then in one pass.
				Arguments.of("{ wrapped { id child { id name } } }", true),
				// List elements wrapped with an error, a publisher: left to GraphQL Java.
				Arguments.of("{ wrappedList { name } }", false), Arguments.of("{ reactive { id name } }", false),
				// Unboxed twice, as GraphQL Java does (when fetched, when completed).
				Arguments.of("{ doublyOptional { id name } }", true));
	}

	@ParameterizedTest
	@MethodSource("documents")
	void the_response_is_graphql_javas_and_only_plain_subtrees_take_one_pass(String document, boolean plain) {
		GraphQLSchema schema = schema();
		var strategy = new PlainSubtrees.Strategy(new SimpleDataFetcherExceptionHandler());
		GraphQL ours = GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).build();
		GraphQL theirs = GraphQL.newGraphQL(schema)
			.queryExecutionStrategy(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()))
			.build();
		ExecutionResult expected = theirs.execute(input(document));
		ExecutionResult actual = ours.execute(input(document));
		assertThat(String.valueOf(actual.toSpecification())).isEqualTo(String.valueOf(expected.toSpecification()));
		assertThat(strategy.completedInOnePass() > 0).as("completed in one pass").isEqualTo(plain);
		if (plain) {
			assertThat(expected.getErrors()).isEmpty();
		}
		if (document.contains("broken") || document.contains("badKind")) {
			assertThat(expected.getErrors()).isNotEmpty();
		}
	}

	/**
	 * A request of its own for each strategy (an input carries its request's context).
	 */
	private static ExecutionInput input(String document) {
		return ExecutionInput.newExecutionInput(document).variables(Map.of("yes", false)).build();
	}

}
