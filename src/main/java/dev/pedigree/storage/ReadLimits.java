package dev.pedigree.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time budget of every read transaction; past it the read fails with
 * {@link Graph.QueryTimeoutException}.
 *
 * @param readTimeout the budget
 */
@ConfigurationProperties("pedigree.limits")
public record ReadLimits(@DefaultValue("5s") Duration readTimeout) {
}
