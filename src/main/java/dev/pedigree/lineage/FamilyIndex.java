package dev.pedigree.lineage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.neo4j.driver.Value;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * The ordered descendant lists of large families, computed by one traversal and kept for
 * later pages, so a page of a 60,000-model family does not sort the family again. An
 * entry of a root's family is dropped when this instance writes something that can reach
 * the family (a write whose scope ({@link Graph.Scope}) names the root or a descendant of
 * it, or a write that names no scope, such as an import), and after
 * {@code pedigree.limits.family-cache-ttl} (for writes made by other instances of a
 * cluster); a write elsewhere in the graph leaves it kept. A request that passes
 * bookmarks (it reads after writes this instance may not have seen) is never answered
 * from it.
 */
@Component
class FamilyIndex {

	/** Smaller families are cheaper to traverse again than to keep. */
	static final int MIN_CACHED = 1_000;

	private static final int MAX_ENTRIES = 32;

	/**
	 * Lineage's own answers and other modules' ({@link FamilyAnswers}) share the memos.
	 */
	private static final int MAX_MEMOS = 2 * MAX_ENTRIES;

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
			return size() > MAX_MEMOS;
		}
	};

	/** Memo computations under way, by key (guarded by {@link #memos}). */
	private final Map<Object, InFlight> inFlight = new HashMap<>();

	/** A memo's computation begun at graph {@code version} on thread {@code owner}. */
	private record InFlight(long version, Thread owner, CompletableFuture<Object> answer) {
	}

	/** roots: the families the answer is about; null when any write drops it. */
	private record Memo(Object value, List<String> roots, Depends depends, long version, Instant computedAt) {

		Memo at(long now) {
			return new Memo(this.value, this.roots, this.depends, now, this.computedAt);
		}

	}

	/** What a kept answer about a root's family is derived from. */
	enum Depends {

		/**
		 * Which models descend from the root, at which depth, through which derivations.
		 */
		STRUCTURE,

		/**
		 * That and the members' own properties (e.g. an order by downloads, models read).
		 */
		MODELS

	}

	/**
	 * For each write (by version) whose scope was looked at: the models it linked or
	 * described, with all their ancestors, i.e. the roots whose families it can reach.
	 */
	private final Map<Long, Reach> reaches = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Reach> eldest) {
			return size() > 256;
		}
	};

	private record Reach(java.util.Set<String> linked, java.util.Set<String> described) {
	}

	private final CypherQueries cypher;

	/** Orderings under way, by family: one read serves every request that waits. */
	private final Map<Key, Ordering> ordering = new HashMap<>();

	private record Ordering(long version, CompletableFuture<Order> order) {
	}

	/**
	 * Families whose ordering in the background failed, and when: not tried again soon.
	 */
	private final Map<Key, Instant> failedInBackground = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	/** Orders families ahead of the pages that will need them, one at a time. */
	private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(4), Thread.ofPlatform().daemon().name("family-order-", 0).factory());

	/**
	 * A family is ordered once and then reused, so it gets a larger budget than an
	 * interactive read.
	 */
	private final Duration budget;

	FamilyIndex(Graph graph, CypherQueries cypher, FamilyLimits limits) {
		this.graph = graph;
		this.cypher = cypher;
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

		/** An order by downloads or release date also depends on the members' facts. */
		Depends depends() {
			return this.orderBy == DerivativeOrder.DOWNLOADS || this.orderBy == DerivativeOrder.CREATED ? Depends.MODELS
					: Depends.STRUCTURE;
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

		Order at(long now) {
			return new Order(this.ids, this.depths, this.parentIds, now, this.computedAt);
		}

	}

	/**
	 * The answer for {@code key}: reused while nothing was written and the TTL has not
	 * passed, computed otherwise and kept only when {@code large} says it was costly
	 * enough to keep.
	 */
	<T> T memo(Object key, java.util.function.Supplier<T> compute, java.util.function.Predicate<T> large) {
		return memo(key, (List<String>) null, Depends.MODELS, compute, large);
	}

	/**
	 * The answer for {@code key}, an answer about {@code root}'s family (its descendants
	 * or its derivatives): reused while no write reached the family (see the class
	 * comment; {@code depends} says whether a write to a member's own properties reaches
	 * it) and the TTL has not passed, computed otherwise and kept only when {@code large}
	 * says it was costly enough to keep.
	 * @param root null: any write drops the answer
	 */
	<T> T memo(Object key, String root, Depends depends, java.util.function.Supplier<T> compute,
			java.util.function.Predicate<T> large) {
		return memo(key, root == null ? null : List.of(root), depends, compute, large);
	}

	/**
	 * The answer for {@code key}, an answer about the families of {@code roots} taken
	 * together: reused while no write reached any of them, as for one root.
	 * @param roots null: any write drops the answer
	 */
	<T> T memo(Object key, List<String> roots, Depends depends, java.util.function.Supplier<T> compute,
			java.util.function.Predicate<T> large) {
		return memo(key, roots, depends, compute, large, null);
	}

	/**
	 * As
	 * {@link #memo(Object, List, Depends, java.util.function.Supplier, java.util.function.Predicate)},
	 * but a kept answer that a later write reached is first given to {@code update} with
	 * the scopes of the writes since it was kept (oldest first): what it answers is kept
	 * in its place (until the TTL of the answer it was updated from); null computes the
	 * answer again.
	 * @param update null: the answer is computed again
	 */
	@SuppressWarnings("unchecked")
	<T> T memo(Object key, List<String> roots, Depends depends, java.util.function.Supplier<T> compute,
			java.util.function.Predicate<T> large, java.util.function.BiFunction<T, List<Graph.Scope>, T> update) {
		List<String> families = roots == null ? null : List.copyOf(roots);
		long version = this.graph.version();
		Memo cached = null;
		if (!this.graph.readsAfterBookmarks()) {
			synchronized (this.memos) {
				cached = this.memos.get(key);
			}
		}
		if (cached != null && cached.computedAt().plus(this.ttl).isAfter(Instant.now())) {
			if (cached.version() == version) {
				return (T) cached.value();
			}
			if (cached.roots() != null && holds(cached.version(), cached.roots(), cached.depends())) {
				synchronized (this.memos) {
					this.memos.replace(key, cached, cached.at(version));
				}
				return (T) cached.value();
			}
			T updated = (update == null || cached.roots() == null) ? null : update(cached, update);
			if (updated != null) {
				synchronized (this.memos) {
					if (large.test(updated)) {
						this.memos.replace(key, cached,
								new Memo(updated, cached.roots(), cached.depends(), version, cached.computedAt()));
					}
					else {
						this.memos.remove(key, cached);
					}
				}
				return updated;
			}
		}
		// One computation per key and graph version at a time: the requests that arrive
		// while it runs (32 first pages of a 150k family after its kept count expired,
		// each counting it for 2-4 s on the 2M graph) wait for its answer. A request that
		// reads after bookmarks computes its own.
		InFlight mine = null;
		InFlight running = null;
		if (!this.graph.readsAfterBookmarks()) {
			synchronized (this.memos) {
				running = this.inFlight.get(key);
				if (running == null) {
					mine = new InFlight(version, Thread.currentThread(), new CompletableFuture<>());
					this.inFlight.put(key, mine);
				}
				else if (running.version() != version || running.owner() == Thread.currentThread()) {
					// Begun before a write this request must see, or by this thread
					// itself (an answer computed from another of the same key).
					running = null;
				}
			}
		}
		if (running != null) {
			try {
				return (T) running.answer().join();
			}
			catch (CompletionException ex) {
				// Its computation failed (its budget ran out, say): compute our own.
			}
		}
		T value;
		try {
			value = compute.get();
		}
		catch (RuntimeException | Error ex) {
			if (mine != null) {
				synchronized (this.memos) {
					this.inFlight.remove(key, mine);
				}
				mine.answer().completeExceptionally(ex);
			}
			throw ex;
		}
		synchronized (this.memos) {
			if (large.test(value)) {
				this.memos.put(key, new Memo(value, families, depends, version, Instant.now()));
			}
			if (mine != null) {
				this.inFlight.remove(key, mine);
			}
		}
		if (mine != null) {
			mine.answer().complete(value);
		}
		return value;
	}

	/**
	 * The kept answer brought up to date by {@code update} through the writes since it
	 * was kept; null when one of them did not say what it changed (or they are too many
	 * to remember), or when {@code update} could not.
	 */
	@SuppressWarnings("unchecked")
	private <T> T update(Memo cached, java.util.function.BiFunction<T, List<Graph.Scope>, T> update) {
		List<Graph.Change> changes = this.graph.changesSince(cached.version());
		if (changes == null) {
			return null;
		}
		return update.apply((T) cached.value(), changes.stream().map(Graph.Change::scope).toList());
	}

	/**
	 * Whether an answer about {@code root}'s family read at {@code version} still holds:
	 * no later write of this instance reached the family. A write reaches it when it
	 * linked (or, for answers that depend on the models, described) the root or one of
	 * its descendants, i.e. when the root is among the written models or their ancestors
	 * as the graph is now. Now and not at the write suffices: an ancestry the write made
	 * and a later write cut was cut below a model that later write linked.
	 */
	private boolean holds(long version, List<String> roots, Depends depends) {
		List<Graph.Change> changes = this.graph.changesSince(version);
		if (changes == null) {
			return false;
		}
		for (Graph.Change change : changes) {
			Reach reach = reach(change);
			for (String root : roots) {
				if (reach.linked().contains(root) || (depends == Depends.MODELS && reach.described().contains(root))) {
					return false;
				}
			}
		}
		return true;
	}

	private Reach reach(Graph.Change change) {
		synchronized (this.reaches) {
			Reach known = this.reaches.get(change.version());
			if (known != null) {
				return known;
			}
		}
		Reach reach = new Reach(ancestorsAndSelf(change.scope().linked()),
				ancestorsAndSelf(change.scope().described()));
		synchronized (this.reaches) {
			this.reaches.put(change.version(), reach);
		}
		return reach;
	}

	private java.util.Set<String> ancestorsAndSelf(java.util.Set<String> ids) {
		if (ids.isEmpty()) {
			return java.util.Set.of();
		}
		java.util.Set<String> reached = new java.util.HashSet<>(ids);
		reached.addAll(this.graph.read(this.cypher.get("lineage/ancestor-ids"), Map.of("ids", List.copyOf(ids)),
				r -> r.get("id").asString()));
		return reached;
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
		if (this.graph.readsAfterBookmarks()) {
			return null;
		}
		long version = this.graph.version();
		Order cached;
		synchronized (this.cache) {
			cached = this.cache.get(key);
		}
		if (cached == null || !cached.computedAt().plus(this.ttl).isAfter(Instant.now())) {
			return null;
		}
		if (cached.version() == version) {
			return cached;
		}
		if (!holds(cached.version(), List.of(key.id()), key.depends())) {
			return null;
		}
		Order renewed = cached.at(version);
		synchronized (this.cache) {
			this.cache.replace(key, cached, renewed);
		}
		return renewed;
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
	 * answers a row per {@code root} with its order as the lists {@code ids},
	 * {@code depths} and {@code parentIds}). A root without descendants (or unknown) has
	 * an empty order.
	 */
	Map<Key, Order> orders(List<Key> keys, String query, Map<String, Object> params) {
		long version = this.graph.version();
		boolean shared = !this.graph.readsAfterBookmarks();
		Map<Key, Order> orders = new HashMap<>();
		Map<Key, CompletableFuture<Order>> mine = new LinkedHashMap<>();
		Map<Key, CompletableFuture<Order>> awaited = new LinkedHashMap<>();
		try {
			for (Key key : keys) {
				Order cached = kept(key);
				if (cached != null) {
					orders.put(key, cached);
					continue;
				}
				if (!shared) {
					mine.put(key, null);
					continue;
				}
				// One ordering of a family at a time: a request that finds one under way,
				// begun after every write this request could have seen, waits for it (or
				// takes the order one just kept).
				synchronized (this.ordering) {
					Order done = keptSince(key, version);
					Ordering running = this.ordering.get(key);
					if (done != null) {
						orders.put(key, done);
					}
					else if (running != null && running.version() >= version) {
						awaited.put(key, running.order());
					}
					else {
						var order = new CompletableFuture<Order>();
						this.ordering.put(key, new Ordering(version, order));
						mine.put(key, order);
					}
				}
			}
			if (!mine.isEmpty()) {
				orders.putAll(read(mine, query, params, version));
			}
		}
		catch (Throwable failure) {
			// No claim outlives this request, whatever failed: its waiters read the
			// order themselves.
			mine.values().forEach(order -> settle(order, null, failure));
			throw failure;
		}
		List<Key> failed = new ArrayList<>();
		awaited.forEach((key, order) -> {
			try {
				// The other read may wait for a connection and retry a transient failure
				// (each attempt with its budget); every claim is settled whatever fails.
				orders.put(key, order.get(this.budget.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed.add(key);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				// The other read failed or outlasts its budget: read it here.
				failed.add(key);
			}
		});
		if (!failed.isEmpty()) {
			Map<Key, CompletableFuture<Order>> again = new LinkedHashMap<>();
			failed.forEach(key -> again.put(key, null));
			orders.putAll(read(again, query, params, version));
		}
		return orders;
	}

	/** The order kept for {@code key} if it was read at {@code version} or later. */
	private Order keptSince(Key key, long version) {
		synchronized (this.cache) {
			Order order = this.cache.get(key);
			return order != null && order.version() >= version
					&& order.computedAt().plus(this.ttl).isAfter(Instant.now()) ? order : null;
		}
	}

	/**
	 * Reads the orders of {@code keys} in one statement, keeps the large ones and hands
	 * each to the requests waiting for it ({@code keys}' futures, null for none).
	 */
	private Map<Key, Order> read(Map<Key, CompletableFuture<Order>> keys, String query, Map<String, Object> params,
			long version) {
		Map<String, Order> computed = new HashMap<>();
		Map<String, Object> withIds = new HashMap<>(params);
		withIds.put("ids", keys.keySet().stream().map(Key::id).distinct().toList());
		Instant now = Instant.now();
		// Read by its query's name (a row per root), so the statement is counted as its
		// own.
		this.graph.read(query, withIds, r -> r, this.budget)
			.forEach(r -> computed.put(r.get("root").asString(), new Order(r.get("ids").asList(Value::asString),
					r.get("depths").asList(Value::asInt), r.get("parentIds").asList(Value::asString), version, now)));
		Map<Key, Order> orders = new HashMap<>();
		keys.forEach((key, future) -> {
			Order order = computed.getOrDefault(key.id(), new Order(List.of(), List.of(), List.of(), version, now));
			orders.put(key, order);
			if (order.size() >= MIN_CACHED) {
				synchronized (this.cache) {
					this.cache.put(key, order);
				}
			}
			settle(future, order, null);
		});
		return orders;
	}

	/** Ends an ordering under way: its waiters get the order, or read it themselves. */
	private void settle(CompletableFuture<Order> future, Order order, Throwable failure) {
		if (future == null) {
			return;
		}
		synchronized (this.ordering) {
			this.ordering.values().removeIf(running -> running.order() == future);
		}
		if (failure != null) {
			future.completeExceptionally(failure);
		}
		else {
			future.complete(order);
		}
	}

	/**
	 * Orders {@code key}'s family in the background unless it is kept or being ordered:
	 * for a page likely to be asked for next (a hub's first page past its first level),
	 * so that it is read from the order instead of waiting for it. Dropped when earlier
	 * ones are still queued.
	 */
	void orderInBackground(Key key, String query, Map<String, Object> params) {
		if (this.graph.readsAfterBookmarks() || kept(key) != null) {
			return;
		}
		synchronized (this.ordering) {
			if (this.ordering.containsKey(key)) {
				return;
			}
		}
		synchronized (this.failedInBackground) {
			Instant failed = this.failedInBackground.get(key);
			if (failed != null && failed.plus(this.ttl).isAfter(Instant.now())) {
				// It failed (e.g. beyond its budget) a moment ago: not again in the
				// background on every page near the level's end.
				return;
			}
		}
		try {
			this.background.execute(() -> {
				try {
					orders(List.of(key), query, params);
				}
				catch (RuntimeException ex) {
					// The page that needs it reads it again (and reports what failed).
					synchronized (this.failedInBackground) {
						this.failedInBackground.put(key, Instant.now());
					}
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// Queue full or shutting down: the next page orders the family itself.
		}
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

}
