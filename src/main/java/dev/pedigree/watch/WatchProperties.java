package dev.pedigree.watch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often watches look at the change log and how webhooks are retried.
 *
 * @param pollInterval how often each instance evaluates new changes, publishes new
 * notifications to its subscribers and sends due webhooks
 * @param initialBackoff the wait after a webhook's first failed attempt; it doubles with
 * each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts attempts after which a delivery is given up (state FAILED)
 * @param requestTimeout how long one webhook request may take
 */
@ConfigurationProperties("pedigree.watch")
public record WatchProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("2s") Duration initialBackoff,
		@DefaultValue("10m") Duration maxBackoff, @DefaultValue("8") int maxAttempts,
		@DefaultValue("10s") Duration requestTimeout) {

	/** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
	Duration backoff(int attempts) {
		long millis = this.initialBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
		return Duration.ofMillis(Math.min(millis, this.maxBackoff.toMillis()));
	}

}
