package dev.pedigree.lineage;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * The answers of the common lineage reads (a model with its ancestors, with its parents,
 * with a page of its descendants when the family is small), kept so that asking again
 * costs no database round trip. A kept answer names the models it was read from (the
 * model, and every ancestor or parent it lists, or every member of the family); it is
 * dropped as soon as this instance writes anything that links or describes one of them
 * (see {@link Graph.Scope}: a derivation added, changed or retracted at one of them, or
 * their own properties changed), when a write did not say what it changed (an import),
 * and after {@code pedigree.limits.kept-answers-ttl} (for writes made by other instances
 * of a cluster). A request that passes bookmarks is never answered from memory.
 */
@Component
class KeptAnswers {

	private final Graph graph;

	/** Null when keeping is switched off. */
	private final Cache<Object, Kept> kept;

	private record Kept(Object value, Set<String> readFrom, long version) {

		Kept at(long now) {
			return new Kept(this.value, this.readFrom, now);
		}

	}

	KeptAnswers(Graph graph, KeptAnswerLimits limits) {
		this.graph = graph;
		this.kept = limits.keptAnswersTtl().isZero() || limits.keptAnswersTtl().isNegative()
				|| limits.keptAnswersMaxModels() <= 0
						? null
						: Caffeine.newBuilder()
							.expireAfterWrite(limits.keptAnswersTtl())
							.maximumWeight(limits.keptAnswersMaxModels())
							.<Object, Kept>weigher((key, value) -> value.readFrom().size())
							.build();
	}

	/**
	 * The answer for {@code key}: the kept one while no write of this instance touched a
	 * model it was read from, otherwise {@code read}'s (kept unless null).
	 * @param readFrom the ids of the models an answer was read from (a write that links
	 * or describes none of them cannot change it); null for an answer not to keep
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> read, Function<T, Set<String>> readFrom) {
		if (this.kept == null || this.graph.readsAfterBookmarks()) {
			return read.get();
		}
		// Taken before the read: a write committed while it runs is after this version,
		// so it is checked against the answer the next time.
		long version = this.graph.version();
		Kept found = this.kept.getIfPresent(key);
		if (found != null) {
			if (found.version() == version) {
				return (T) found.value();
			}
			if (untouched(found)) {
				this.kept.asMap().replace(key, found, found.at(version));
				return (T) found.value();
			}
		}
		T value = read.get();
		Set<String> from = value == null ? null : readFrom.apply(value);
		if (from != null) {
			this.kept.put(key, new Kept(value, Set.copyOf(from), version));
		}
		else if (found != null) {
			this.kept.invalidate(key);
		}
		return value;
	}

	/**
	 * Whether {@link #get} keeps answers now: an answer's read need not name its models
	 * otherwise.
	 */
	boolean keeping() {
		return this.kept != null && !this.graph.readsAfterBookmarks();
	}

	private boolean untouched(Kept found) {
		var changes = this.graph.changesSince(found.version());
		if (changes == null) {
			return false;
		}
		for (Graph.Change change : changes) {
			if (meets(change.scope().linked(), found.readFrom())
					|| meets(change.scope().described(), found.readFrom())) {
				return false;
			}
		}
		return true;
	}

	private static boolean meets(Set<String> a, Set<String> b) {
		Set<String> small = a.size() <= b.size() ? a : b;
		Set<String> large = small == a ? b : a;
		for (String id : small) {
			if (large.contains(id)) {
				return true;
			}
		}
		return false;
	}

}
