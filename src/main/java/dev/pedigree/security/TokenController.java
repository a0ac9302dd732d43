package dev.pedigree.security;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Token management over GraphQL; access is declared in the schema (ADMIN). */
@Controller
class TokenController {

	private final ApiTokens tokens;

	TokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@QueryMapping
	ApiTokens.Caller me(@ContextValue(name = GraphQlAccess.CONTEXT_KEY, required = false) Authentication caller) {
		return caller != null && caller.getPrincipal() instanceof ApiTokens.Caller c ? c : null;
	}

	@QueryMapping
	List<ApiToken> apiTokens() {
		return this.tokens.list();
	}

	@MutationMapping
	ApiTokens.Created createApiToken(@Argument String name, @Argument Role role,
			@ContextValue(name = GraphQlAccess.CONTEXT_KEY) Authentication caller) {
		return this.tokens.create(name, role, caller.getName());
	}

	@MutationMapping
	ApiToken revokeApiToken(@Argument String id, @Argument String reason,
			@ContextValue(name = GraphQlAccess.CONTEXT_KEY) Authentication caller) {
		return this.tokens.revoke(id, reason, caller.getName());
	}

}
