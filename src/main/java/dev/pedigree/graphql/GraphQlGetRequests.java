package dev.pedigree.graphql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP with GET, as the spec describes: {@code query}, {@code operationName}
 * and {@code variables} as URL parameters, queries only (a mutation over GET answers
 * 405), so that reads can be cached and linked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlGetRequests {

	/** Ahead of Spring Boot's route, which answers every GET on the endpoint with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler handler, JsonMapper json,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		return RouterFunctions.route().GET(path, request -> handle(request, handler, json)).build();
	}

	private static ServerResponse handle(ServerRequest request, WebGraphQlHandler handler, JsonMapper json) {
		MediaType responseType = request.headers()
			.accept()
			.stream()
			.anyMatch(t -> t.isCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE) && !t.isWildcardType())
					? MediaTypes.APPLICATION_GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
		String query = request.param("query").orElse(null);
		if (query == null || query.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, responseType, "The 'query' parameter is required");
		}
		String operationName = request.param("operationName").filter(s -> !s.isBlank()).orElse(null);
		Map<String, Object> variables = Map.of();
		if (request.param("variables").filter(s -> !s.isBlank()).isPresent()) {
			try {
				variables = json.readValue(request.param("variables").get(), Map.class);
			}
			catch (RuntimeException ex) {
				return error(HttpStatus.BAD_REQUEST, responseType, "The 'variables' parameter is not a JSON object");
			}
		}
		if (!isQuery(query, operationName)) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(responseType)
				.body(GraphQlErrors.body("Only queries may be sent with GET; use POST", "METHOD_NOT_ALLOWED"));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		body.put("operationName", operationName);
		body.put("variables", variables);
		var graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), null,
				request.remoteAddress().orElse(null), request.attributes(), body, UUID.randomUUID().toString(),
				Locale.getDefault());
		var response = handler.handleRequest(graphQlRequest).block();
		HttpStatus status = response.getExecutionResult().isDataPresent()
				|| !MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(responseType) ? HttpStatus.OK
						: HttpStatus.BAD_REQUEST;
		return ServerResponse.status(status).contentType(responseType).body(response.toMap());
	}

	private static boolean isQuery(String query, String operationName) {
		try {
			var operations = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class);
			return operations.stream()
				.filter(op -> operationName == null || operationName.equals(op.getName()))
				.allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
		}
		catch (InvalidSyntaxException ex) {
			// Let the engine report the syntax error in the standard shape.
			return true;
		}
	}

	private static ServerResponse error(HttpStatus status, MediaType type, String message) {
		return ServerResponse.status(status)
			.contentType(type)
			.body(GraphQlErrors.body(message,
					status == HttpStatus.METHOD_NOT_ALLOWED ? "METHOD_NOT_ALLOWED" : "BAD_REQUEST"));
	}

}
