package dev.pedigree.graphql;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A POST to the GraphQL endpoint whose body is not a GraphQL request (not JSON, no
 * {@code query}, {@code variables} that are not an object, a batch) answers as a GraphQL
 * error, 400 with {@code errors[0].extensions.classification} BAD_REQUEST and what was
 * wrong, instead of the servlet container's generic error page that named nothing
 * (session 35's review). The parser's own words are left out: they name its classes.
 */
@Component
class UnreadableRequests implements HandlerExceptionResolver, Ordered {

	private final JsonMapper json;

	private final String path;

	UnreadableRequests(JsonMapper json, @Value("${spring.graphql.http.path:/graphql}") String path) {
		this.json = json;
		this.path = path;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!this.path.equals(request.getRequestURI())) {
			return null;
		}
		// Another media type never gets here: UnsupportedMediaTypes answers it first.
		if (!(ex instanceof ServerWebInputException || ex instanceof HttpMessageNotReadableException)) {
			return null;
		}
		String message = "The request body is not a GraphQL request: it must be one JSON object with a string 'query'"
				+ " and, optionally, 'operationName' (a string) and 'variables' (an object); batches are not accepted";
		try {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), GraphQlErrors.body(message, "BAD_REQUEST"));
			return new ModelAndView();
		}
		catch (IOException | RuntimeException writing) {
			return null;
		}
	}

}
