package dev.pedigree.graphql;

import dev.pedigree.common.Limits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.GraphQLFieldDefinition;

import org.springframework.stereotype.Component;

/**
 * Tells the client when the server clamped an argument: one {@code extensions.warnings}
 * entry per clamped argument of a field (not one per parent object), naming the argument,
 * the value asked for, the value used and the first path where it applied. A client that
 * asked for {@code first: 1000000} must not mistake 500 rows for everything.
 */
@Component
class ClampWarnings extends SimplePerformantInstrumentation {

	private final Limits limits;

	ClampWarnings(Limits limits) {
		this.limits = limits;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Warnings());
	}

	@Override
	public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		GraphQLFieldDefinition field = definition(parameters);
		if (state instanceof Warnings warnings && field != null
				&& (field.getArgument("first") != null || field.getArgument("maxDepth") != null)) {
			var environment = parameters.getEnvironment();
			String coordinates = parameters.getExecutionStepInfo().getObjectType().getName() + "." + field.getName();
			if (environment.getArgument("first") instanceof Integer first && first > this.limits.maxPageSize()) {
				warnings.add(coordinates, "first", first, this.limits.maxPageSize(), environment);
			}
			if (environment.getArgument("maxDepth") instanceof Integer depth && depth > this.limits.maxDepth()) {
				warnings.add(coordinates, "maxDepth", depth, this.limits.maxDepth(), environment);
			}
		}
		return super.beginFieldFetch(parameters, state);
	}

	/**
	 * The fetched field's definition; null for a plain property, which clamps nothing:
	 * asking for the field's step info would build the data-fetching environment that
	 * GraphQL Java skips for plain properties, for every field of the response.
	 */
	private static GraphQLFieldDefinition definition(InstrumentationFieldFetchParameters parameters) {
		return parameters.isTrivialDataFetcher() ? null : parameters.getExecutionStepInfo().getFieldDefinition();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (state instanceof Warnings warnings && !warnings.entries.isEmpty()) {
			List<Map<String, Object>> entries;
			synchronized (warnings.entries) {
				entries = new ArrayList<>(warnings.entries.values());
			}
			return CompletableFuture.completedFuture(result.transform(b -> b.addExtension("warnings", entries)));
		}
		return CompletableFuture.completedFuture(result);
	}

	private static final class Warnings implements InstrumentationState {

		/** Keyed by field coordinates, argument and asked value: one entry per clamp. */
		private final Map<String, Map<String, Object>> entries = Collections.synchronizedMap(new LinkedHashMap<>());

		void add(String coordinates, String argument, int requested, int used,
				graphql.schema.DataFetchingEnvironment environment) {
			this.entries.computeIfAbsent(coordinates + "(" + argument + ":" + requested + ")", key -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("message", argument + ": " + requested + " is above the server's limit; " + used
						+ " was used (" + coordinates + ")");
				entry.put("path", environment.getExecutionStepInfo().getPath().toList());
				entry.put("field", coordinates);
				entry.put("argument", argument);
				entry.put("requested", requested);
				entry.put("used", used);
				return entry;
			});
		}

	}

}
