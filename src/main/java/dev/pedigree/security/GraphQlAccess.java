package dev.pedigree.security;

import java.util.Set;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may run which GraphQL field: every {@code Mutation} field needs the CURATOR role
 * unless the schema asks for another with {@code @requiresRole}, and so does any other
 * field carrying the directive. Declared in the schema, checked before the field runs, so
 * no resolver carries access code and a new mutation cannot forget it. No token: {@code
 * UNAUTHORIZED}; a token whose role is too low: {@code FORBIDDEN}.
 */
@Component
class GraphQlAccess implements RuntimeWiringConfigurer, WebGraphQlInterceptor {

	static final String CONTEXT_KEY = "pedigree.authentication";

	private final RoleHierarchy roles;

	GraphQlAccess(RoleHierarchy roles) {
		this.roles = roles;
	}

	/** Hands the request's authentication (set by the filter chain) to the fields. */
	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null) {
			request.configureExecutionInput((input,
					builder) -> builder.graphQLContext(context -> context.put(CONTEXT_KEY, authentication)).build());
		}
		return chain.next(request);
	}

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.directiveWiring(new SchemaDirectiveWiring() {

			@Override
			public GraphQLFieldDefinition onField(
					SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
				var field = environment.getElement();
				var directive = field.getAppliedDirective("requiresRole");
				Role role = directive != null ? Role.valueOf(directive.getArgument("role").getValue().toString())
						: "Mutation".equals(environment.getFieldsContainer().getName()) ? Role.CURATOR : null;
				if (role != null) {
					environment.setFieldDataFetcher(guarded(environment.getFieldDataFetcher(), role));
				}
				return field;
			}

		});
	}

	private DataFetcher<?> guarded(DataFetcher<?> field, Role role) {
		return environment -> {
			require(environment.getGraphQlContext(), role);
			return field.get(environment);
		};
	}

	private void require(GraphQLContext context, Role role) {
		Authentication authentication = context.get(CONTEXT_KEY);
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiTokens.Caller caller)) {
			throw new AuthenticationCredentialsNotFoundException("This needs a token with the " + role
					+ " role: send 'Authorization: Bearer <token>' (see README, Security)");
		}
		Set<String> granted = new java.util.HashSet<>();
		this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.forEach(a -> granted.add(a.getAuthority()));
		if (!granted.contains(role.authority())) {
			throw new AccessDeniedException(
					"The token '" + caller.name() + "' has the " + caller.role() + " role; this needs " + role);
		}
	}

}
