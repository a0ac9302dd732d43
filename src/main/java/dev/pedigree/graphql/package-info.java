/**
 * The GraphQL adapter: error mapping, the connection adapter, scalars, limits on
 * documents, the curator check on mutations, GET, metrics. No domain module depends on
 * it; it knows the domain only through common and storage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "GraphQL adapter",
		allowedDependencies = { "common", "storage" })
package dev.pedigree.graphql;
