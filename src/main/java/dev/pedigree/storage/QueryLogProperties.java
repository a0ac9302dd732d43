package dev.pedigree.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The slow-query log ({@code dev.pedigree.slow-queries}).
 *
 * @param slowQueryThreshold a query that takes longer is logged with its Cypher file and
 * the GraphQL operation; zero or negative logs none
 * @param slowBatchThreshold the same for a batch whose time grows with its size by design
 * (an import's or the seed's batch of up to 10,000 rows, the warm-up's planning): a few
 * seconds are its normal time, logged at DEBUG only
 */
@ConfigurationProperties("pedigree")
public record QueryLogProperties(@DefaultValue("1s") Duration slowQueryThreshold,
		@DefaultValue("30s") Duration slowBatchThreshold) {
}
