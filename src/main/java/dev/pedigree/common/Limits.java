package dev.pedigree.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-side clamps on what one question may ask: traversal depth ({@code maxDepth}) and
 * page size ({@code first}). The other {@code pedigree.limits.*} belong to their own
 * concerns: a GraphQL request's ({@code graphql.RequestLimits}), the read time budget
 * ({@code storage.ReadLimits}) and the cache of large families
 * ({@code lineage.FamilyLimits}).
 *
 * @param defaultDepth depth when none is asked for
 * @param maxDepth the clamp of an asked depth
 * @param defaultPageSize page size when none is asked for
 * @param maxPageSize the clamp of an asked page size
 */
@ConfigurationProperties("pedigree.limits")
public record Limits(@DefaultValue("10") int defaultDepth, @DefaultValue("50") int maxDepth,
		@DefaultValue("20") int defaultPageSize, @DefaultValue("500") int maxPageSize) {

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
