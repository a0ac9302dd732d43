package dev.pedigree.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import dev.pedigree.storage.Graph;
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

	RequestSessionShare(RequestLimits limits, MeterRegistry meters) {
		this.limit = limits.maxSessionsPerRequest();
		this.peaks = DistributionSummary.builder("pedigree.graphql.request.sessions")
			.description("Most database sessions a GraphQL request held at once")
			.register(meters);
		RequestSessions.propagate();
	}

	/**
	 * Bookmarks travel in the {@code Pedigree-Bookmark} header: a client sends the ones a
	 * write's response gave it (from any instance), and every read of its request starts
	 * after those writes; a request that wrote answers with its own.
	 */
	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		List<String> bookmarks = request.getHeaders()
			.getValuesAsList(Graph.BookmarkException.HEADER)
			.stream()
			.map(String::strip)
			.filter(b -> !b.isEmpty())
			.toList();
		var sessions = new RequestSessions(this.limit, bookmarks, () -> operation(request),
				RequestSessions.WARM_UP_VALUE.equals(request.getHeaders().getFirst(RequestSessions.WARM_UP_HEADER)));
		request.configureExecutionInput((input,
				builder) -> builder.graphQLContext(context -> context.put(RequestSessions.KEY, sessions)).build());
		return chain.next(request).doOnNext(response -> {
			List<String> written = sessions.writeBookmarks();
			if (!written.isEmpty()) {
				response.getResponseHeaders().put(Graph.BookmarkException.HEADER, written);
			}
		});
	}

	/**
	 * The operation's name (the request's {@code operationName}, else the name in its
	 * document), else the start of its document, for the slow-query log.
	 */
	static String operation(WebGraphQlRequest request) {
		if (request.getOperationName() != null && !request.getOperationName().isBlank()) {
			return request.getOperationName();
		}
		Matcher named = NAMED_OPERATION.matcher(request.getDocument().strip());
		if (named.find()) {
			return named.group(1);
		}
		String document = request.getDocument().replaceAll("\\s+", " ").strip();
		return "(unnamed) " + (document.length() > 120 ? document.substring(0, 120) + "…" : document);
	}

	private static final Pattern NAMED_OPERATION = Pattern
		.compile("^(?:#[^\\n]*\\s*)*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

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
