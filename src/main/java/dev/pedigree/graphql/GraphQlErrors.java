package dev.pedigree.graphql;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pedigree.storage.Graph;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions become GraphQL errors: a classification, a clear
 * message, the offending field in {@code extensions.field}; logged once, no stack trace
 * to clients.
 */
@ControllerAdvice
class GraphQlErrors {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@GraphQlExceptionHandler
	GraphQLError invalid(InvalidInputException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), Map.of("field", ex.field()));
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.NOT_FOUND, ex.getMessage(), Map.of("field", ex.field()));
	}

	@GraphQlExceptionHandler
	GraphQLError unauthorized(AuthenticationException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.UNAUTHORIZED, ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.FORBIDDEN, ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError timeout(Graph.QueryTimeoutException ex, DataFetchingEnvironment env) {
		log.info("Query stopped at its time budget: {}", env.getExecutionStepInfo().getPath());
		return error(env, PedigreeErrorType.QUERY_TIMEOUT, ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError overloaded(Graph.OverloadedException ex, DataFetchingEnvironment env) {
		log.warn("No database session within the acquisition timeout at {}", env.getExecutionStepInfo().getPath());
		return error(env, PedigreeErrorType.OVERLOADED, ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError bookmark(Graph.BookmarkException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), Map.of("field", Graph.BookmarkException.HEADER));
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(RuntimeException ex, DataFetchingEnvironment env) {
		log.error("Unexpected failure at {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorType.INTERNAL_ERROR, "Internal error; it has been logged", Map.of());
	}

	/**
	 * The longest message sent: a message quotes the input it refuses, and an input of
	 * 100,000 characters came back whole (session 35's review); a cycle's path of 50
	 * models still fits.
	 */
	static final int MAX_MESSAGE = 10_000;

	private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(type)
			.message(bounded(message))
			.extensions(extensions)
			.build();
	}

	static String bounded(String message) {
		if (message == null || message.length() <= MAX_MESSAGE) {
			return message;
		}
		return message.substring(0, MAX_MESSAGE) + "… (" + message.length() + " characters in all)";
	}

	/**
	 * The body of an error answered before GraphQL runs (a GET that is not a query, a
	 * body that is not a request, another media type): one error with its classification,
	 * as every other error has.
	 */
	static Map<String, Object> body(String message, String classification) {
		return Map.of("errors",
				java.util.List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
	}

	/** Classifications beyond Spring's {@link ErrorType}. */
	enum PedigreeErrorType implements graphql.ErrorClassification {

		/** A read ran past {@code pedigree.limits.read-timeout}. */
		QUERY_TIMEOUT,

		/**
		 * The document's estimated cost is above {@code pedigree.limits.max-query-cost}
		 * (refused before it runs), or no database session came free within
		 * {@code spring.neo4j.pool.connection-acquisition-timeout}.
		 */
		OVERLOADED

	}

}
