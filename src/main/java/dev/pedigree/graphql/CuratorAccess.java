package dev.pedigree.graphql;

import graphql.GraphQLContext;

/**
 * Mutations call {@link #require} first; the interceptor decided from the bearer token
 * whether this is a curator.
 */
public final class CuratorAccess {

	static final String CONTEXT_KEY = "pedigree.curator";

	private CuratorAccess() {
	}

	public static void require(GraphQLContext context) {
		if (!Boolean.TRUE.equals(context.get(CONTEXT_KEY))) {
			throw new ForbiddenException(
					"This mutation needs the curator role: send 'Authorization: Bearer <token>' with the token set in pedigree.security.curator-token");
		}
	}

	/** The caller is not allowed to do this. */
	public static class ForbiddenException extends RuntimeException {

		ForbiddenException(String message) {
			super(message);
		}

	}

}
