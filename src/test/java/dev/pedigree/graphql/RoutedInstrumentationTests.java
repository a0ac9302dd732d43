package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InstrumentationChain.Routed} run by GraphQL Java on a small schema: each hook
 * reaches the members that implement it, in order, each with its own state.
 */
class RoutedInstrumentationTests {

	@Test
	void a_field_hook_inherited_from_a_subclass_counts() {
		class SubRecorder extends Recorder {

			SubRecorder() {
				super("sub", new ArrayList<>());
			}

		}
		var plain = new SimplePerformantInstrumentation();
		assertThat(InstrumentationChain.watchesFields(new SubRecorder())).isTrue();
		assertThat(InstrumentationChain.watchesFields(plain)).isFalse();
	}

	/**
	 * Run through GraphQL Java: every field reaches the member that watches fields with
	 * that member's own state, the request's hooks reach each member that implements them
	 * in order, and results are folded in order.
	 */
	@Test
	void each_hook_reaches_the_members_that_implement_it_with_their_own_state() {
		List<String> calls = Collections.synchronizedList(new ArrayList<>());
		var fields = new Recorder("fields", calls);
		var request = new RequestRecorder("request", calls);
		var schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { a: String b: Pair } type Pair { x: Int y: Int }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Query",
							wiring -> wiring.dataFetcher("a", env -> "A")
								.dataFetcher("b", env -> Map.of("x", 1, "y", 2)))
					.build());
		var chain = InstrumentationChain.chain(
				List.of(new SimplePerformantInstrumentation(), fields, request, new SimplePerformantInstrumentation()));
		var routed = (InstrumentationChain.Routed) chain;
		assertThat(routed.calledBy("beginFieldFetching")).containsExactly(fields);
		assertThat(routed.calledBy("beginExecution")).containsExactly(fields, request);

		ExecutionResult result = GraphQL.newGraphQL(schema).instrumentation(chain).build().execute("{ a b { x y } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.getExtensions()).containsEntry("folded", "request after fields");
		assertThat(calls).containsExactly("fields:begin execution", "request:begin execution", "fields:fetch a",
				"fields:fetch b", "fields:fetch x", "fields:fetch y", "fields:completed execution",
				"request:completed execution");
	}

	/** Records the fields fetched, in its own state. */
	static class Recorder extends SimplePerformantInstrumentation {

		final String name;

		final List<String> calls;

		Recorder(String name, List<String> calls) {
			this.name = name;
			this.calls = calls;
		}

		record Own(String owner) implements InstrumentationState {
		}

		@Override
		public CompletableFuture<InstrumentationState> createStateAsync(
				InstrumentationCreateStateParameters parameters) {
			return CompletableFuture.completedFuture(new Own(this.name));
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			this.calls.add(((Own) state).owner() + ":begin execution");
			return SimpleInstrumentationContext
				.whenCompleted((result, t) -> this.calls.add(((Own) state).owner() + ":completed execution"));
		}

		@Override
		@SuppressWarnings("deprecation")
		public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			this.calls.add(((Own) state).owner() + ":fetch " + parameters.getField().getName());
			return null;
		}

		@Override
		public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			return CompletableFuture.completedFuture(result.transform(b -> b.addExtension("folded", "fields")));
		}

	}

	/** Only looks at the request. */
	static final class RequestRecorder extends SimplePerformantInstrumentation {

		final String name;

		final List<String> calls;

		RequestRecorder(String name, List<String> calls) {
			this.name = name;
			this.calls = calls;
		}

		@Override
		public CompletableFuture<InstrumentationState> createStateAsync(
				InstrumentationCreateStateParameters parameters) {
			return CompletableFuture.completedFuture(new Recorder.Own(this.name));
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			this.calls.add(((Recorder.Own) state).owner() + ":begin execution");
			return SimpleInstrumentationContext
				.whenCompleted((result, t) -> this.calls.add(((Recorder.Own) state).owner() + ":completed execution"));
		}

		@Override
		public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			return CompletableFuture.completedFuture(result.transform(b -> b.addExtension("folded",
					((Recorder.Own) state).owner() + " after " + result.getExtensions().get("folded"))));
		}

	}

}
