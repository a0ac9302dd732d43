package dev.pedigree.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The role order and the token check, in the service and in CLI commands alike. The
 * provider being a bean also keeps Spring Boot from creating its default user with a
 * generated password.
 */
@Configuration
class SecurityBeans {

	/** Each role includes the ones below it. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.CURATOR.name())
			.role(Role.CURATOR.name())
			.implies(Role.READER.name())
			.build();
	}

	@Bean
	AuthenticationProvider bearerTokens(ApiTokens tokens) {
		return BearerTokens.provider(tokens);
	}

}
