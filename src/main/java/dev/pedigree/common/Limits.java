package dev.pedigree.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-side clamps on traversal depth and page size, and the GraphQL document limits
 * (nesting, field count, estimated cost: {@link QueryCost}). The read time budget
 * ({@code pedigree.limits.read-timeout}) is applied by {@code storage.Graph}.
 */
@ConfigurationProperties("pedigree.limits")
public record Limits(@DefaultValue("10") int defaultDepth, @DefaultValue("50") int maxDepth,
		@DefaultValue("20") int defaultPageSize, @DefaultValue("500") int maxPageSize,
		@DefaultValue("15") int maxQueryDepth, @DefaultValue("5000") int maxQueryComplexity,
		@DefaultValue("50000") int maxQueryCost, @DefaultValue("8") int maxSessionsPerRequest) {

	/**
	 * A requested depth, defaulted and clamped; {@code clamped} tells whether the clamp
	 * cut it.
	 */
	public Depth depth(Integer requested) {
		if (requested == null) {
			return new Depth(this.defaultDepth, false);
		}
		if (requested < 1) {
			throw new InvalidInputException("maxDepth", "maxDepth must be at least 1, was " + requested);
		}
		return requested > this.maxDepth ? new Depth(this.maxDepth, true) : new Depth(requested, false);
	}

	public int pageSize(Integer requested) {
		if (requested == null) {
			return this.defaultPageSize;
		}
		if (requested < 0) {
			throw new InvalidInputException("first", "first must not be negative, was " + requested);
		}
		return Math.min(requested, this.maxPageSize);
	}

	public record Depth(int value, boolean clamped) {
	}

}
