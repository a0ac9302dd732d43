package dev.pedigree.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The same instrumentations, fewer calls per field. GraphQL Java calls each
 * instrumentation's field hooks (five or six) for every field of a response; a page of a
 * hundred descendants has some five hundred fields, and most of our instrumentations
 * (limits, cost, sessions, error metrics) only look at the whole request: together they
 * made about a quarter of a request's CPU. Those are chained as one member that skips the
 * field hooks; the ones that watch fields (clamp warnings, Spring's observations) stay
 * members of their own, in the order Spring lists them.
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

	/**
	 * The chain of {@code all}: the request-only ones grouped as one member where the
	 * first of them stood.
	 */
	static Instrumentation chain(List<Instrumentation> all) {
		List<Instrumentation> members = new ArrayList<>();
		List<Instrumentation> requestOnly = new ArrayList<>();
		int groupAt = -1;
		for (Instrumentation instrumentation : all) {
			if (watchesFields(instrumentation)) {
				members.add(instrumentation);
			}
			else {
				if (requestOnly.isEmpty()) {
					groupAt = members.size();
				}
				requestOnly.add(instrumentation);
			}
		}
		if (requestOnly.size() == 1) {
			members.add(groupAt, requestOnly.get(0));
		}
		else if (requestOnly.size() > 1) {
			members.add(groupAt, new RequestHooksOnly(requestOnly));
		}
		return members.size() == 1 ? members.get(0) : new ChainedInstrumentation(members);
	}

	/** Whether {@code instrumentation} implements any hook called per field. */
	static boolean watchesFields(Instrumentation instrumentation) {
		for (Method hook : Instrumentation.class.getMethods()) {
			if (FIELD_HOOKS.contains(hook.getName())) {
				try {
					Class<?> declaring = instrumentation.getClass()
						.getMethod(hook.getName(), hook.getParameterTypes())
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
	 * Instrumentations none of which implements a field hook: the request's hooks go to
	 * each of them, the field hooks to none.
	 */
	static final class RequestHooksOnly extends ChainedInstrumentation {

		RequestHooksOnly(List<Instrumentation> instrumentations) {
			super(instrumentations);
		}

		@Override
		public ExecuteObjectInstrumentationContext beginExecuteObject(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			return null;
		}

		@Override
		public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			return null;
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(
				InstrumentationFieldParameters parameters, InstrumentationState state) {
			return null;
		}

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			return null;
		}

		@Override
		@SuppressWarnings("deprecation")
		public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			return null;
		}

		@Override
		public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			return null;
		}

		@Override
		public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
				InstrumentationState state) {
			return null;
		}

		@Override
		public InstrumentationContext<Object> beginFieldListCompletion(
				InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
			return null;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return dataFetcher;
		}

	}

}
