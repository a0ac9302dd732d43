package dev.pedigree.watch;

import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Hands the notifications raised anywhere (by this instance's evaluation or another's) to
 * this instance's subscribers, in the order raised. Subscribers see what is raised while
 * they listen; what they missed they read with the {@code watchNotifications} query.
 */
@Component
class NotificationFeed {

	private static final int PER_ROUND = 500;

	private final Graph graph;

	private final CypherQueries cypher;

	private final Sinks.Many<WatchNotification> sink = Sinks.many().multicast().directBestEffort();

	/**
	 * The last sequence number handed on; -1 until the first round has read where to
	 * start.
	 */
	private long cursor = -1;

	NotificationFeed(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	Flux<WatchNotification> notifications(String watchId) {
		var all = this.sink.asFlux();
		return watchId == null ? all : all.filter(n -> n.watchId().equals(watchId));
	}

	/** Called by one thread only (the watch runner). */
	void publish() {
		if (this.cursor < 0) {
			var last = this.graph.read(this.cypher.get("watch/last-notification"), Map.of(),
					r -> r.get("last").asLong());
			this.cursor = last.isEmpty() ? 0 : last.get(0);
			return;
		}
		var params = new java.util.HashMap<String, Object>();
		params.put("watchId", null);
		params.put("after", this.cursor);
		params.put("limit", PER_ROUND);
		for (var notification : this.graph.read(this.cypher.get("watch/notifications"), params,
				r -> WatchNotification.from(r.get("n").asNode()))) {
			this.sink.tryEmitNext(notification);
			this.cursor = notification.seq();
		}
	}

}
