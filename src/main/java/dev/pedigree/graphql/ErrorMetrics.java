package dev.pedigree.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the errors of every response by classification
 * ({@code pedigree.graphql.errors}): Spring's {@code graphql.request} timer tells a
 * request that failed from one that succeeded, not a client's BAD_REQUEST from an
 * OVERLOADED or an INTERNAL_ERROR.
 */
@Component
class ErrorMetrics extends SimplePerformantInstrumentation {

	private final MeterRegistry meters;

	ErrorMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		for (GraphQLError error : result.getErrors()) {
			Counter.builder("pedigree.graphql.errors")
				.description("GraphQL errors in responses, by classification")
				.tag("classification", classification(error))
				.register(this.meters)
				.increment();
		}
		return CompletableFuture.completedFuture(result);
	}

	private static String classification(GraphQLError error) {
		Object classification = error.getExtensions() == null ? null : error.getExtensions().get("classification");
		if (classification != null) {
			return classification.toString();
		}
		return error.getErrorType() == null ? "UNKNOWN" : error.getErrorType().toString();
	}

}
