package dev.pedigree.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up warm-up.
 *
 * @param requests how many canned requests run before the service reports ready; 0 skips
 * the warm-up
 * @param timeLimit the warm-up stops here even if requests are left
 * @param reportRounds rounds (one request per document) that include the report documents
 * of {@code warmup/reports/} (explorer view, liability trace, ecosystem summary); later
 * rounds send only the lineage and search documents
 */
@ConfigurationProperties("pedigree.warmup")
public record WarmUpProperties(@DefaultValue("1000") int requests, @DefaultValue("20s") Duration timeLimit,
		@DefaultValue("10") int reportRounds) {
}
