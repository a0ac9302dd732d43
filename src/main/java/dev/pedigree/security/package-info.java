/**
 * Who may do what: tokens per named curator (stored as SHA-256, created and revoked by an
 * admin), roles READER < CURATOR < ADMIN declared on GraphQL fields, the bearer-token
 * filter chain (401 for an invalid token), and the change log's writer. Uses lineage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
		allowedDependencies = { "common", "storage", "lineage" })
package dev.pedigree.security;
