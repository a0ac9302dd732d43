package dev.pedigree.security;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Stateless bearer-token security: a presented token is checked on every request (an
 * invalid one is refused with 401 whatever was asked); what a role may do is decided per
 * GraphQL field ({@link GraphQlAccess}) and, when reads are closed, per HTTP path.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** The paths a browser loads before it can send a token. */
	/**
	 * Open even when reads are closed: the pages and their static assets (scripts,
	 * styles) carry no data; the pages ask for a token when their first read is refused.
	 */
	private static final String[] PAGES = { "/", "/explorer/**", "/model/**", "/graphiql/**", "/webjars/**", "/ui/**",
			"/*.js", "/*.css", "/*.html", "/favicon.ico", "/actuator/health/**", "/error" };

	/**
	 * Spring Security's observations are off (application.yml,
	 * {@code management.observations.enable.spring.security}); without this setting the
	 * filter chain is still wrapped to create them, filter by filter, on every request,
	 * only for each to be turned down (about 1.2 % of a small-family request's profile
	 * samples, docs/benchmarks.md, issue 12, session 21).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, AuthenticationProvider bearerTokens, SecurityProperties properties)
			throws Exception {
		var authentication = new AuthenticationFilter(new ProviderManager(bearerTokens), BearerTokens.converter());
		authentication.setSuccessHandler((request, response, result) -> {
			// continue the chain: no redirect, no session
		});
		authentication.setFailureHandler(new AuthenticationEntryPointFailureHandler(BearerTokens.unauthorized()));
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(BearerTokens.unauthorized())
				.accessDeniedHandler((request, response, ex) -> BearerTokens.write(response,
						HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "This token's role may not do this")))
			.authorizeHttpRequests(requests -> {
				if (properties.openReads()) {
					requests.anyRequest().permitAll();
				}
				else {
					requests.requestMatchers(PAGES).permitAll().anyRequest().hasRole(Role.READER.name());
				}
			});
		return http.build();
	}

}
