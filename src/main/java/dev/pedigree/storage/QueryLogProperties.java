package dev.pedigree.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The slow-query log ({@code dev.pedigree.slow-queries}).
 *
 * @param slowQueryThreshold a query that takes longer is logged with its Cypher file and
 * the GraphQL operation; zero or negative logs none
 */
@ConfigurationProperties("pedigree")
public record QueryLogProperties(@DefaultValue("1s") Duration slowQueryThreshold) {
}
