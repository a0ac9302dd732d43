package dev.pedigree.watch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The service's one watch thread: each poll interval it evaluates new changes, hands new
 * notifications to this instance's subscribers and sends due webhooks. Only a serving
 * instance runs it; a CLI import only appends to the change log, which the service reads.
 */
@Component
@ConditionalOnWebApplication
class WatchRunner implements SmartLifecycle {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WatchRunner.class);

	private final WatchEvaluator evaluator;

	private final NotificationFeed feed;

	private final WebhookDeliverer deliverer;

	private final WatchProperties properties;

	private ScheduledExecutorService executor;

	WatchRunner(WatchEvaluator evaluator, NotificationFeed feed, WebhookDeliverer deliverer,
			WatchProperties properties) {
		this.evaluator = evaluator;
		this.feed = feed;
		this.deliverer = deliverer;
		this.properties = properties;
	}

	void round() {
		try {
			this.feed.publish();
			while (this.evaluator.evaluate() > 0) {
				this.feed.publish();
			}
			this.feed.publish();
			while (this.deliverer.deliver() > 0) {
				// until nothing is due
			}
		}
		catch (RuntimeException ex) {
			// A database hiccup must not end the watch thread: the next round retries.
			log.warn("Watch round failed, retrying in {}: {}", this.properties.pollInterval(), ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pedigree-watch").daemon().factory());
		long interval = this.properties.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
