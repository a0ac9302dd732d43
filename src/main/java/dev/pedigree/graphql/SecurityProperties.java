package dev.pedigree.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may write.
 *
 * @param curatorToken the bearer token of the curator role; unset or blank = nobody is a
 * curator and every mutation answers FORBIDDEN
 */
@ConfigurationProperties("pedigree.security")
public record SecurityProperties(String curatorToken) {
}
