package dev.pedigree.graphql;

import dev.pedigree.common.Limits;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import dev.pedigree.storage.RequestSessions;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every GraphQL request its share of database sessions
 * ({@code pedigree.limits.max-sessions-per-request}, see {@link RequestSessions}) and
 * records the most it used at once ({@code pedigree.graphql.request.sessions}).
 */
@Component
class RequestSessionShare extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	private final int limit;

	private final DistributionSummary peaks;

	RequestSessionShare(Limits limits, MeterRegistry meters) {
		this.limit = limits.maxSessionsPerRequest();
		this.peaks = DistributionSummary.builder("pedigree.graphql.request.sessions")
			.description("Most database sessions a GraphQL request held at once")
			.register(meters);
		RequestSessions.propagate();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(RequestSessions.KEY, new RequestSessions(this.limit)))
			.build());
		return chain.next(request);
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (parameters.getGraphQLContext().get(RequestSessions.KEY) instanceof RequestSessions sessions
				&& sessions.peak() > 0) {
			this.peaks.record(sessions.peak());
		}
		return CompletableFuture.completedFuture(result);
	}

}
