package dev.pedigree.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldValueInfo;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The same instrumentations, fewer calls per field. GraphQL Java calls the
 * instrumentation's field hooks (five or six) for every field of a response; a page of a
 * hundred descendants has some five hundred fields, and most of our instrumentations
 * (limits, cost, sessions, error metrics) only look at the whole request. GraphQL Java's
 * own chain hands every hook to every member, building a list of their contexts each
 * time, which made about a tenth of a kept page's CPU. {@link Routed} hands each hook
 * only to the members that implement it, straight to the one when there is one, in the
 * order Spring lists them.
 */
@Configuration(proxyBeanMethods = false)
class InstrumentationChain {

	/** The hooks GraphQL Java calls per field or per object of a response. */
	static final Set<String> FIELD_HOOKS = Set.of("beginExecuteObject", "beginDeferredField",
			"beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch", "beginFieldFetching",
			"beginFieldCompletion", "beginFieldListCompletion", "instrumentDataFetcher");

	@Bean
	GraphQlSourceBuilderCustomizer fewerFieldHooks(ObjectProvider<Instrumentation> instrumentations) {
		List<Instrumentation> all = instrumentations.orderedStream().toList();
		return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(chain(all)));
	}

	/** {@code all}, each hook routed only to the members that implement it. */
	static Instrumentation chain(List<Instrumentation> all) {
		return all.size() == 1 ? all.get(0) : new Routed(all);
	}

	/** Whether {@code instrumentation} implements any hook called per field. */
	static boolean watchesFields(Instrumentation instrumentation) {
		return FIELD_HOOKS.stream().anyMatch(hook -> implementsHook(instrumentation, hook));
	}

	/**
	 * Whether {@code instrumentation}'s class (or a superclass of ours) overrides the
	 * hook named {@code hook}: GraphQL Java's defaults do nothing, so skipping them
	 * changes nothing.
	 */
	static boolean implementsHook(Instrumentation instrumentation, String hook) {
		for (Method method : Instrumentation.class.getMethods()) {
			if (method.getName().equals(hook)) {
				try {
					Class<?> declaring = instrumentation.getClass()
						.getMethod(method.getName(), method.getParameterTypes())
						.getDeclaringClass();
					if (declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class
							&& declaring != SimpleInstrumentation.class) {
						return true;
					}
				}
				catch (NoSuchMethodException ex) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Instrumentations run as one: every member gets its own state, and each hook goes to
	 * the members that implement it (for {@code beginFieldFetching}, also those that
	 * implement the older {@code beginFieldFetch} it defaults to), their contexts
	 * combined in order and their {@code instrument…} results folded in order, as GraphQL
	 * Java's chain does.
	 */
	static final class Routed implements Instrumentation {

		private final Instrumentation[] members;

		private final int[] execution;

		private final int[] parse;

		private final int[] validation;

		private final int[] executeOperation;

		private final int[] reactiveResults;

		private final int[] executionStrategy;

		private final int[] executeObject;

		private final int[] deferredField;

		private final int[] subscribedFieldEvent;

		private final int[] fieldExecution;

		private final int[] fieldFetching;

		private final int[] fieldCompletion;

		private final int[] fieldListCompletion;

		private final int[] executionInput;

		private final int[] documentAndVariables;

		private final int[] schema;

		private final int[] executionContext;

		private final int[] dataFetcher;

		private final int[] executionResult;

		Routed(List<Instrumentation> all) {
			this.members = all.toArray(Instrumentation[]::new);
			this.execution = implementing("beginExecution");
			this.parse = implementing("beginParse");
			this.validation = implementing("beginValidation");
			this.executeOperation = implementing("beginExecuteOperation");
			this.reactiveResults = implementing("beginReactiveResults");
			this.executionStrategy = implementing("beginExecutionStrategy");
			this.executeObject = implementing("beginExecuteObject");
			this.deferredField = implementing("beginDeferredField");
			this.subscribedFieldEvent = implementing("beginSubscribedFieldEvent");
			this.fieldExecution = implementing("beginFieldExecution");
			this.fieldFetching = implementing("beginFieldFetching", "beginFieldFetch");
			this.fieldCompletion = implementing("beginFieldCompletion");
			this.fieldListCompletion = implementing("beginFieldListCompletion");
			this.executionInput = implementing("instrumentExecutionInput");
			this.documentAndVariables = implementing("instrumentDocumentAndVariables");
			this.schema = implementing("instrumentSchema");
			this.executionContext = implementing("instrumentExecutionContext");
			this.dataFetcher = implementing("instrumentDataFetcher");
			this.executionResult = implementing("instrumentExecutionResult");
		}

		/** The members, in order. */
		List<Instrumentation> members() {
			return List.of(this.members);
		}

		/** The members a hook goes to, in order. */
		List<Instrumentation> calledBy(String hook) {
			List<Instrumentation> called = new ArrayList<>();
			String[] hooks = hook.equals("beginFieldFetching") ? new String[] { hook, "beginFieldFetch" }
					: new String[] { hook };
			for (int i : implementing(hooks)) {
				called.add(this.members[i]);
			}
			return called;
		}

		private int[] implementing(String... hooks) {
			List<Integer> at = new ArrayList<>();
			for (int i = 0; i < this.members.length; i++) {
				for (String hook : hooks) {
					if (implementsHook(this.members[i], hook)) {
						at.add(i);
						break;
					}
				}
			}
			return at.stream().mapToInt(Integer::intValue).toArray();
		}

		/** Each member's own state, by position. */
		private record States(InstrumentationState[] each) implements InstrumentationState {
		}

		private static InstrumentationState stateOf(InstrumentationState state, int member) {
			return state instanceof States states ? states.each()[member] : null;
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletableFuture<InstrumentationState> createStateAsync(
				InstrumentationCreateStateParameters parameters) {
			CompletableFuture<InstrumentationState>[] futures = new CompletableFuture[this.members.length];
			boolean done = true;
			for (int i = 0; i < futures.length; i++) {
				CompletableFuture<InstrumentationState> future = this.members[i].createStateAsync(parameters);
				futures[i] = future == null ? CompletableFuture.completedFuture(null) : future;
				done &= futures[i].isDone() && !futures[i].isCompletedExceptionally();
			}
			if (done) {
				return CompletableFuture.completedFuture(states(futures));
			}
			return CompletableFuture.allOf(futures).thenApply(ignored -> states(futures));
		}

		private static States states(CompletableFuture<InstrumentationState>[] futures) {
			InstrumentationState[] each = new InstrumentationState[futures.length];
			for (int i = 0; i < each.length; i++) {
				each[i] = futures[i].join();
			}
			return new States(each);
		}

		/** The members' contexts of one hook: none, the one, or all combined in order. */
		private <C> List<C> contexts(int[] at, InstrumentationState state,
				BiFunction<Instrumentation, InstrumentationState, C> begin) {
			List<C> contexts = new ArrayList<>(at.length);
			for (int i : at) {
				C context = begin.apply(this.members[i], stateOf(state, i));
				if (context != null) {
					contexts.add(context);
				}
			}
			return contexts;
		}

		private <T> InstrumentationContext<T> context(int[] at, InstrumentationState state,
				BiFunction<Instrumentation, InstrumentationState, InstrumentationContext<T>> begin) {
			if (at.length == 0) {
				return null;
			}
			if (at.length == 1) {
				return begin.apply(this.members[at[0]], stateOf(state, at[0]));
			}
			List<InstrumentationContext<T>> contexts = contexts(at, state, begin);
			return contexts.size() == 1 ? contexts.get(0) : new Contexts<>(contexts);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return context(this.execution, state, (member, own) -> member.beginExecution(parameters, own));
		}

		@Override
		public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return context(this.parse, state, (member, own) -> member.beginParse(parameters, own));
		}

		@Override
		public InstrumentationContext<List<ValidationError>> beginValidation(
				InstrumentationValidationParameters parameters, InstrumentationState state) {
			return context(this.validation, state, (member, own) -> member.beginValidation(parameters, own));
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			return context(this.executeOperation, state,
					(member, own) -> member.beginExecuteOperation(parameters, own));
		}

		@Override
		public InstrumentationContext<Void> beginReactiveResults(InstrumentationReactiveResultsParameters parameters,
				InstrumentationState state) {
			return context(this.reactiveResults, state, (member, own) -> member.beginReactiveResults(parameters, own));
		}

		@Override
		public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			if (this.executionStrategy.length == 1) {
				int i = this.executionStrategy[0];
				return this.members[i].beginExecutionStrategy(parameters, stateOf(state, i));
			}
			List<ExecutionStrategyInstrumentationContext> contexts = contexts(this.executionStrategy, state,
					(member, own) -> member.beginExecutionStrategy(parameters, own));
			return contexts.isEmpty() ? null : new StrategyContexts(contexts);
		}

		@Override
		public ExecuteObjectInstrumentationContext beginExecuteObject(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			if (this.executeObject.length == 0) {
				return null;
			}
			if (this.executeObject.length == 1) {
				int i = this.executeObject[0];
				return this.members[i].beginExecuteObject(parameters, stateOf(state, i));
			}
			List<ExecuteObjectInstrumentationContext> contexts = contexts(this.executeObject, state,
					(member, own) -> member.beginExecuteObject(parameters, own));
			return contexts.isEmpty() ? null : new ObjectContexts(contexts);
		}

		@Override
		public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			return context(this.deferredField, state, (member, own) -> member.beginDeferredField(parameters, own));
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(
				InstrumentationFieldParameters parameters, InstrumentationState state) {
			return context(this.subscribedFieldEvent, state,
					(member, own) -> member.beginSubscribedFieldEvent(parameters, own));
		}

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			if (this.fieldExecution.length == 0) {
				return null;
			}
			if (this.fieldExecution.length == 1) {
				int i = this.fieldExecution[0];
				return this.members[i].beginFieldExecution(parameters, stateOf(state, i));
			}
			return context(this.fieldExecution, state, (member, own) -> member.beginFieldExecution(parameters, own));
		}

		@Override
		public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			if (this.fieldFetching.length == 0) {
				return null;
			}
			if (this.fieldFetching.length == 1) {
				int i = this.fieldFetching[0];
				return this.members[i].beginFieldFetching(parameters, stateOf(state, i));
			}
			List<FieldFetchingInstrumentationContext> contexts = contexts(this.fieldFetching, state,
					(member, own) -> member.beginFieldFetching(parameters, own));
			return contexts.isEmpty() ? null : new FetchingContexts(contexts);
		}

		@Override
		public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
				InstrumentationState state) {
			if (this.fieldCompletion.length == 0) {
				return null;
			}
			return context(this.fieldCompletion, state, (member, own) -> member.beginFieldCompletion(parameters, own));
		}

		@Override
		public InstrumentationContext<Object> beginFieldListCompletion(
				InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
			if (this.fieldListCompletion.length == 0) {
				return null;
			}
			return context(this.fieldListCompletion, state,
					(member, own) -> member.beginFieldListCompletion(parameters, own));
		}

		@Override
		public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			ExecutionInput input = executionInput;
			for (int i : this.executionInput) {
				input = this.members[i].instrumentExecutionInput(input, parameters, stateOf(state, i));
			}
			return input;
		}

		@Override
		public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			DocumentAndVariables result = documentAndVariables;
			for (int i : this.documentAndVariables) {
				result = this.members[i].instrumentDocumentAndVariables(result, parameters, stateOf(state, i));
			}
			return result;
		}

		@Override
		public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			GraphQLSchema result = schema;
			for (int i : this.schema) {
				result = this.members[i].instrumentSchema(result, parameters, stateOf(state, i));
			}
			return result;
		}

		@Override
		public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			ExecutionContext result = executionContext;
			for (int i : this.executionContext) {
				result = this.members[i].instrumentExecutionContext(result, parameters, stateOf(state, i));
			}
			return result;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			DataFetcher<?> result = dataFetcher;
			for (int i : this.dataFetcher) {
				result = this.members[i].instrumentDataFetcher(result, parameters, stateOf(state, i));
			}
			return result;
		}

		@Override
		public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			CompletableFuture<ExecutionResult> result = CompletableFuture.completedFuture(executionResult);
			for (int i : this.executionResult) {
				Instrumentation member = this.members[i];
				InstrumentationState own = stateOf(state, i);
				result = result.thenCompose(r -> member.instrumentExecutionResult(r, parameters, own));
			}
			return result;
		}

	}

	/** Contexts told of each step in order. */
	private static class Contexts<T> implements InstrumentationContext<T> {

		final List<? extends InstrumentationContext<T>> contexts;

		Contexts(List<? extends InstrumentationContext<T>> contexts) {
			this.contexts = contexts;
		}

		@Override
		public void onDispatched() {
			this.contexts.forEach(InstrumentationContext::onDispatched);
		}

		@Override
		public void onCompleted(T result, Throwable t) {
			this.contexts.forEach(context -> context.onCompleted(result, t));
		}

	}

	private static final class StrategyContexts extends Contexts<ExecutionResult>
			implements ExecutionStrategyInstrumentationContext {

		private final List<ExecutionStrategyInstrumentationContext> each;

		StrategyContexts(List<ExecutionStrategyInstrumentationContext> contexts) {
			super(contexts);
			this.each = contexts;
		}

		@Override
		public void onFieldValuesInfo(List<FieldValueInfo> fieldValueInfoList) {
			this.each.forEach(context -> context.onFieldValuesInfo(fieldValueInfoList));
		}

		@Override
		public void onFieldValuesException() {
			this.each.forEach(ExecutionStrategyInstrumentationContext::onFieldValuesException);
		}

	}

	private static final class ObjectContexts extends Contexts<java.util.Map<String, Object>>
			implements ExecuteObjectInstrumentationContext {

		private final List<ExecuteObjectInstrumentationContext> each;

		ObjectContexts(List<ExecuteObjectInstrumentationContext> contexts) {
			super(contexts);
			this.each = contexts;
		}

		@Override
		public void onFieldValuesInfo(List<FieldValueInfo> fieldValueInfoList) {
			this.each.forEach(context -> context.onFieldValuesInfo(fieldValueInfoList));
		}

		@Override
		public void onFieldValuesException() {
			this.each.forEach(ExecuteObjectInstrumentationContext::onFieldValuesException);
		}

	}

	private static final class FetchingContexts extends Contexts<Object>
			implements FieldFetchingInstrumentationContext {

		private final List<FieldFetchingInstrumentationContext> each;

		FetchingContexts(List<FieldFetchingInstrumentationContext> contexts) {
			super(contexts);
			this.each = contexts;
		}

		@Override
		public void onFetchedValue(Object fetchedValue) {
			this.each.forEach(context -> context.onFetchedValue(fetchedValue));
		}

	}

}
