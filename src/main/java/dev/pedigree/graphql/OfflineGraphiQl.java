package dev.pedigree.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL at the usual path, loaded entirely from the jar (GraphiQL 2's UMD bundle and
 * React 18 from WebJars). Spring's own page imports GraphiQL 5 from esm.sh and stays on
 * "Loading…" without internet; its route is registered after this one and never reached.
 * The route answers HEAD as GET (RFC 9110 9.3.2: the same header fields, no body; the
 * servlet container drops the body): a functional route's GET predicate matches GET only,
 * and a HEAD fell through to 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class OfflineGraphiQl {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphiQlFromTheJar(@Value("${spring.graphql.graphiql.path:/graphiql}") String page,
			@Value("${spring.graphql.http.path:/graphql}") String endpoint) {
		var handler = new GraphiQlHandler(endpoint, null, new ClassPathResource("ui/graphiql.html"));
		return RouterFunctions.route()
			.route(RequestPredicates.path(page).and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)),
					handler::handleRequest)
			.build();
	}

}
