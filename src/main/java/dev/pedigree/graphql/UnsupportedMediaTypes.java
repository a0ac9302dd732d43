package dev.pedigree.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A POST to the GraphQL endpoint that is not JSON (no Content-Type, {@code text/plain}, a
 * form) answers 415 with a GraphQL error saying what to send, ahead of Spring for
 * GraphQL's route, which answered 415 with an empty body (session 35's review).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnsupportedMediaTypes {

	private static final MediaType ANY_JSON = MediaType.parseMediaType("application/*+json");

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlPostNotJson(@Value("${spring.graphql.http.path:/graphql}") String path) {
		RequestPredicate notJson = request -> request.headers()
			.contentType()
			.map(type -> !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isCompatibleWith(ANY_JSON))
			.orElse(true);
		return RouterFunctions.route()
			.POST(path, notJson,
					request -> ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
						.contentType(MediaType.APPLICATION_JSON)
						.body(GraphQlErrors.body(
								"A GraphQL request is sent as Content-Type application/json; got "
										+ request.headers().contentType().map(MediaType::toString).orElse("none"),
								"BAD_REQUEST")))
			.build();
	}

}
