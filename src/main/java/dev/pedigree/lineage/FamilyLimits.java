package dev.pedigree.lineage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of large families' orders ({@link FamilyIndex}).
 *
 * @param familyCacheTtl how long an order is reused for paging (any write through this
 * instance drops it at once)
 * @param familyReadTimeout the time budget of the one-off traversal that orders a family
 * (or sums it up: an ecosystem summary, {@link FamilyAnswers#budget()})
 */
@ConfigurationProperties("pedigree.limits")
public record FamilyLimits(@DefaultValue("60s") Duration familyCacheTtl,
		@DefaultValue("30s") Duration familyReadTimeout) {
}
