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
 */
@ConfigurationProperties("pedigree.warmup")
public record WarmUpProperties(@DefaultValue("1000") int requests, @DefaultValue("20s") Duration timeLimit) {
}
