package dev.pedigree.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every mutation needs the curator role: each field of {@code Mutation} checks, before it
 * runs, what {@link CuratorTokenInterceptor} decided from the request's bearer token.
 * Controllers carry no access code, and a new mutation cannot forget the check.
 */
@Component
class CuratorAccess implements RuntimeWiringConfigurer {

	static final String CONTEXT_KEY = "pedigree.curator";

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.directiveWiring(new SchemaDirectiveWiring() {

			@Override
			public GraphQLFieldDefinition onField(
					SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
				if ("Mutation".equals(environment.getFieldsContainer().getName())) {
					environment.setFieldDataFetcher(curatorOnly(environment.getFieldDataFetcher()));
				}
				return environment.getElement();
			}

		});
	}

	private static DataFetcher<?> curatorOnly(DataFetcher<?> mutation) {
		return environment -> {
			require(environment.getGraphQlContext());
			return mutation.get(environment);
		};
	}

	static void require(GraphQLContext context) {
		if (!Boolean.TRUE.equals(context.get(CONTEXT_KEY))) {
			throw new ForbiddenException(
					"This mutation needs the curator role: send 'Authorization: Bearer <token>' with the token set in pedigree.security.curator-token");
		}
	}

	/** The caller is not allowed to do this. */
	static class ForbiddenException extends RuntimeException {

		ForbiddenException(String message) {
			super(message);
		}

	}

}
