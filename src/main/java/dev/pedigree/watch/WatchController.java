package dev.pedigree.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

@Controller
class WatchController {

	private final Watches watches;

	private final NotificationFeed feed;

	private final LineageQueries lineage;

	WatchController(Watches watches, NotificationFeed feed, LineageQueries lineage) {
		this.watches = watches;
		this.feed = feed;
		this.lineage = lineage;
	}

	@QueryMapping
	List<Watch> watches() {
		return this.watches.list();
	}

	@QueryMapping
	Watch watch(@Argument String id) {
		return this.watches.get(id);
	}

	@QueryMapping
	List<WatchNotification> watchNotifications(@Argument String watchId, @Argument Integer after,
			@Argument Integer first) {
		return this.watches.notifications(watchId, after == null ? 0 : after, first == null ? 100 : first);
	}

	@MutationMapping
	Watches.Created createWatch(@Argument Watches.WatchInput input) {
		return this.watches.create(input);
	}

	@MutationMapping
	boolean deleteWatch(@Argument String id) {
		return this.watches.delete(id);
	}

	@SubscriptionMapping("watchNotifications")
	Flux<WatchNotification> notificationStream(@Argument String watchId, @Argument Integer after) {
		if (watchId != null) {
			this.watches.get(watchId);
		}
		if (after == null) {
			return this.feed.notifications(watchId);
		}
		return Flux.defer(() -> {
			// Listen first, then read what is stored: whatever is raised meanwhile is
			// either
			// stored already (and left out of the live part) or published after this
			// point.
			Sinks.Many<WatchNotification> live = Sinks.many().unicast().onBackpressureBuffer();
			Disposable listening = this.feed.notifications(watchId).subscribe(live::tryEmitNext);
			List<WatchNotification> stored = new ArrayList<>();
			long last = after;
			List<WatchNotification> page;
			do {
				page = this.watches.notifications(watchId, last, Watches.MAX_PAGE);
				stored.addAll(page);
				if (!page.isEmpty()) {
					last = page.get(page.size() - 1).seq();
				}
			}
			while (page.size() == Watches.MAX_PAGE);
			long replayedUpTo = last;
			return Flux.fromIterable(stored)
				.concatWith(live.asFlux().filter(n -> n.seq() > replayedUpTo))
				.doFinally(signal -> listening.dispose());
		});
	}

	@BatchMapping(typeName = "WatchNotification", field = "model")
	Map<WatchNotification, ModelView> model(Collection<WatchNotification> notifications) {
		var models = this.lineage.models(notifications.stream().map(WatchNotification::modelId).distinct().toList());
		Map<WatchNotification, ModelView> result = new java.util.HashMap<>();
		for (var n : notifications) {
			result.put(n, models.get(n.modelId()));
		}
		return result;
	}

}
