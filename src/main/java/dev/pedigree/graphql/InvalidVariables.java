package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.CoercingParseValueException;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A variable whose value the schema refuses (a {@code Date} that is not a calendar date,
 * a name outside an enum) is a bad request like any other refused value: BAD_REQUEST with
 * the variable in {@code extensions.field}, instead of graphql-java's unclassified
 * coercion error. Errors in the document itself stay {@code ValidationError}.
 */
@Component
class InvalidVariables extends SimplePerformantInstrumentation {

	private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']+)'");

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors().stream().noneMatch(CoercingParseValueException.class::isInstance)) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
		for (GraphQLError error : result.getErrors()) {
			errors.add(error instanceof CoercingParseValueException invalid ? badRequest(invalid) : error);
		}
		return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
	}

	private static GraphQLError badRequest(CoercingParseValueException invalid) {
		Matcher variable = VARIABLE.matcher(String.valueOf(invalid.getMessage()));
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (invalid.getExtensions() != null) {
			extensions.putAll(invalid.getExtensions());
		}
		extensions.put("field", variable.find() ? variable.group(1) : "variables");
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(invalid.getMessage())
			.locations(invalid.getLocations())
			.extensions(extensions)
			.build();
	}

}
