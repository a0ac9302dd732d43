package dev.pedigree.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Marks a request as a curator's when it carries the configured bearer token; unset token
 * = nobody is.
 */
@Component
class CuratorTokenInterceptor implements WebGraphQlInterceptor {

	private final byte[] token;

	CuratorTokenInterceptor(SecurityProperties security) {
		String token = security.curatorToken();
		this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		boolean curator = isCurator(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		request.configureExecutionInput((input,
				builder) -> builder.graphQLContext(context -> context.put(CuratorAccess.CONTEXT_KEY, curator)).build());
		return chain.next(request);
	}

	private boolean isCurator(String authorization) {
		if (this.token == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		// Constant-time comparison: do not leak the token through timing.
		return MessageDigest.isEqual(presented, this.token);
	}

}
