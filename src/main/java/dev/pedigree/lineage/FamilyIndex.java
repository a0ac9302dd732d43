package dev.pedigree.lineage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ordered descendant lists of large families, computed by one traversal and kept for
 * later pages, so a page of a 60,000-model family does not sort the family again. An
 * entry is dropped as soon as this instance writes anything, and after
 * {@code pedigree.limits.family-cache-ttl} (for writes made by other instances of a
 * cluster).
 */
@Component
class FamilyIndex {

	/** Smaller families are cheaper to traverse again than to keep. */
	static final int MIN_CACHED = 1_000;

	private static final int MAX_ENTRIES = 32;

	private final Graph graph;

	private final Duration ttl;

	private final Map<Key, Order> cache = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Order> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	/**
	 * A family is ordered once and then reused, so it gets a larger budget than an
	 * interactive read.
	 */
	private final Duration budget;

	FamilyIndex(Graph graph, @Value("${pedigree.limits.family-cache-ttl:60s}") Duration ttl,
			@Value("${pedigree.limits.family-read-timeout:30s}") Duration budget) {
		this.graph = graph;
		this.ttl = ttl;
		this.budget = budget;
	}

	record Key(String id, int maxDepth, List<Relation> relations) {
	}

	/**
	 * Descendants in page order: parallel lists of ids, depths and the parent each was
	 * first reached from.
	 */
	record Order(List<String> ids, List<Integer> depths, List<String> parentIds, long version, Instant computedAt) {

		int size() {
			return this.ids.size();
		}

	}

	Order order(Key key, String query, Map<String, Object> params) {
		long version = this.graph.version();
		synchronized (this.cache) {
			Order cached = this.cache.get(key);
			if (cached != null && cached.version() == version
					&& cached.computedAt().plus(this.ttl).isAfter(Instant.now())) {
				return cached;
			}
		}
		List<String> ids = new ArrayList<>();
		List<Integer> depths = new ArrayList<>();
		List<String> parents = new ArrayList<>();
		this.graph.read(tx -> {
			tx.run(query, params).forEachRemaining(r -> {
				ids.add(r.get("id").asString());
				depths.add(r.get("depth").asInt());
				parents.add(r.get("parentId").asString());
			});
			return null;
		}, this.budget);
		Order order = new Order(ids, depths, parents, version, Instant.now());
		if (order.size() >= MIN_CACHED) {
			synchronized (this.cache) {
				this.cache.put(key, order);
			}
		}
		return order;
	}

}
