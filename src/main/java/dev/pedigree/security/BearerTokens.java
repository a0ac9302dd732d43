package dev.pedigree.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The bearer-token pieces of the filter chain: reading the header, checking the token,
 * and the 401 answer (a GraphQL-shaped error body, so GraphQL clients read it like any
 * other error).
 */
final class BearerTokens {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private BearerTokens() {
	}

	/** A presented token, before and after it was checked. */
	static final class Token extends AbstractAuthenticationToken {

		private final String presented;

		private final ApiTokens.Caller caller;

		Token(String presented) {
			super(List.of());
			this.presented = presented;
			this.caller = null;
		}

		Token(ApiTokens.Caller caller) {
			super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
			this.presented = null;
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.presented;
		}

		@Override
		public Object getPrincipal() {
			return this.caller;
		}

		@Override
		public String getName() {
			return this.caller == null ? "" : this.caller.name();
		}

	}

	/**
	 * No Authorization header: nothing to check (anonymous). Any other value must be
	 * {@code Bearer <token>}: a malformed one is an invalid credential, not anonymity.
	 */
	static AuthenticationConverter converter() {
		return request -> {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null) {
				return null;
			}
			if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
				throw new BadCredentialsException("The Authorization header must read 'Bearer <token>'");
			}
			return new Token(header.substring(7).strip());
		};
	}

	static AuthenticationProvider provider(ApiTokens tokens) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				var caller = tokens.check((String) authentication.getCredentials());
				return new Token(caller.orElseThrow(() -> new BadCredentialsException("Unknown or revoked token")));
			}

			@Override
			public boolean supports(Class<?> type) {
				return Token.class.isAssignableFrom(type);
			}

		};
	}

	/** 401 with the reason, as RFC 6750 and the GraphQL-over-HTTP spec allow. */
	static AuthenticationEntryPoint unauthorized() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> write(response,
				HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", ex instanceof BadCredentialsException
						? ex.getMessage() : "This needs a token: send 'Authorization: Bearer <token>'");
	}

	static void write(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pedigree\"");
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write(JSON.writeValueAsString(Map.of("errors",
					List.of(Map.of("message", message, "extensions", Map.of("classification", classification))))));
	}

}
