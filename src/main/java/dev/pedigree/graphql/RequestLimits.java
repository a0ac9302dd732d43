package dev.pedigree.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on one GraphQL request, checked before (document) or while (sessions) it runs.
 *
 * @param maxQueryDepth deepest nesting of the document
 * @param maxQueryComplexity most fields in the document
 * @param maxQueryCost highest estimated cost, nested pages multiplied ({@link QueryCost})
 * @param maxSessionsPerRequest database sessions the request holds at once, however many
 * of its fields run in parallel
 */
@ConfigurationProperties("pedigree.limits")
public record RequestLimits(@DefaultValue("15") int maxQueryDepth, @DefaultValue("5000") int maxQueryComplexity,
		@DefaultValue("50000") int maxQueryCost, @DefaultValue("8") int maxSessionsPerRequest) {
}
