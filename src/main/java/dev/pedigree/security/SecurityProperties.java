package dev.pedigree.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what. Tokens created with {@code ./pedigree token create} live in the graph;
 * these two come from configuration, for a first start and for scripts. Each may be given
 * as the token itself or as {@code sha256:<hex>} of it, so the configuration need not
 * hold the secret.
 *
 * @param curatorToken a token with the CURATOR role (name {@code curator-token})
 * @param adminToken a token with the ADMIN role (name {@code admin-token}): creates and
 * revokes the others
 * @param openReads whether reads need no token (default); false = every read needs at
 * least a READER token
 * @param tokenCacheTtl how long a checked graph token is trusted before it is looked up
 * again: the longest a revocation takes to reach another instance
 */
@ConfigurationProperties("pedigree.security")
public record SecurityProperties(String curatorToken, String adminToken, @DefaultValue("true") boolean openReads,
		@DefaultValue("5s") java.time.Duration tokenCacheTtl) {
}
