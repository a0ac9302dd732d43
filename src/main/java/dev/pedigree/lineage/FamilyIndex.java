package dev.pedigree.lineage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.storage.Graph;

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
	 * Other answers about large families kept under the same rules (e.g. a hub's
	 * derivatives grouped by relation, which sorts all its children).
	 */
	private final Map<Object, Memo> memos = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Object, Memo> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	private record Memo(Object value, long version, Instant computedAt) {
	}

	/**
	 * A family is ordered once and then reused, so it gets a larger budget than an
	 * interactive read.
	 */
	private final Duration budget;

	FamilyIndex(Graph graph, FamilyLimits limits) {
		this.graph = graph;
		this.ttl = limits.familyCacheTtl();
		this.budget = limits.familyReadTimeout();
	}

	record Key(String id, int maxDepth, List<Relation> relations, DerivativeOrder orderBy) {

		/**
		 * A hub's direct derivatives, one per derivation (depth 0 keeps them apart from
		 * descendants, whose depth is at least 1).
		 */
		static Key children(String id, List<Relation> relations, DerivativeOrder orderBy) {
			return new Key(id, 0, relations, orderBy);
		}

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

	/**
	 * The answer for {@code key}: reused while nothing was written and the TTL has not
	 * passed, computed otherwise and kept only when {@code large} says it was costly
	 * enough to keep.
	 */
	@SuppressWarnings("unchecked")
	<T> T memo(Object key, java.util.function.Supplier<T> compute, java.util.function.Predicate<T> large) {
		long version = this.graph.version();
		synchronized (this.memos) {
			Memo cached = this.memos.get(key);
			if (cached != null && cached.version() == version
					&& cached.computedAt().plus(this.ttl).isAfter(Instant.now())) {
				return (T) cached.value();
			}
		}
		T value = compute.get();
		if (large.test(value)) {
			synchronized (this.memos) {
				this.memos.put(key, new Memo(value, version, Instant.now()));
			}
		}
		return value;
	}

	/**
	 * The time budget of a traversal that orders a family once for later pages
	 * ({@code pedigree.limits.family-read-timeout}).
	 */
	Duration budget() {
		return this.budget;
	}

	/** The kept order of {@code key}, or null when it is not kept (or stale). */
	Order kept(Key key) {
		long version = this.graph.version();
		synchronized (this.cache) {
			Order cached = this.cache.get(key);
			return cached != null && cached.version() == version
					&& cached.computedAt().plus(this.ttl).isAfter(Instant.now()) ? cached : null;
		}
	}

	/**
	 * Keeps an order that another statement produced (e.g. a model's first descendant
	 * page, read together with the whole order), when the family is large enough.
	 */
	Order keep(Key key, List<String> ids, List<Integer> depths, List<String> parentIds, long version) {
		Order order = new Order(ids, depths, parentIds, version, Instant.now());
		if (order.size() >= MIN_CACHED) {
			synchronized (this.cache) {
				this.cache.put(key, order);
			}
		}
		return order;
	}

	/**
	 * The orders of several families that share depth and relations: cached ones as they
	 * are, the others from one traversal statement ({@code query} takes {@code $ids} and
	 * answers rows by {@code root}). A root without descendants (or unknown) has an empty
	 * order.
	 */
	Map<Key, Order> orders(List<Key> keys, String query, Map<String, Object> params) {
		long version = this.graph.version();
		Map<Key, Order> orders = new HashMap<>();
		List<String> missing = new ArrayList<>();
		synchronized (this.cache) {
			for (Key key : keys) {
				Order cached = this.cache.get(key);
				if (cached != null && cached.version() == version
						&& cached.computedAt().plus(this.ttl).isAfter(Instant.now())) {
					orders.put(key, cached);
				}
				else {
					missing.add(key.id());
				}
			}
		}
		if (missing.isEmpty()) {
			return orders;
		}
		Map<String, Order> computed = new HashMap<>();
		Map<String, Object> withIds = new HashMap<>(params);
		withIds.put("ids", missing);
		Instant now = Instant.now();
		this.graph.read(tx -> {
			tx.run(query, withIds).forEachRemaining(r -> {
				Order order = computed.computeIfAbsent(r.get("root").asString(),
						root -> new Order(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), version, now));
				order.ids().add(r.get("id").asString());
				order.depths().add(r.get("depth").asInt());
				order.parentIds().add(r.get("parentId").asString());
			});
			return null;
		}, this.budget);
		for (Key key : keys) {
			if (!orders.containsKey(key)) {
				Order order = computed.getOrDefault(key.id(), new Order(List.of(), List.of(), List.of(), version, now));
				orders.put(key, order);
				if (order.size() >= MIN_CACHED) {
					synchronized (this.cache) {
						this.cache.put(key, order);
					}
				}
			}
		}
		return orders;
	}

}
