package dev.pedigree.ecosystem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.pedigree.ecosystem.EcosystemAnalytics.DepthCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.RelationCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.Summary;
import dev.pedigree.storage.Graph;

/**
 * The family of some roots as the graph stands now, along derivations of every source:
 * each model in it with whether it is a placeholder, its derivations to its parents and
 * how many derivatives it has. The summary of the roots (figures, byDepth, byRelation) is
 * counted from it by a breadth-first walk, with the summary statement's rules, so a write
 * inside a large family updates it by reading only the models the write linked or
 * described, not the whole family again.
 * <p>
 * It holds every derivative of each model it holds ("closed"): then the walk from the
 * roots reaches exactly what the graph's walk reaches. A family read within its depth
 * limit is closed when no member sits at that limit (the derivatives of the deepest ones
 * are members too); a write keeps it closed when each model that joins it has no
 * derivative yet (otherwise the family is read again). A model that leaves the family (a
 * retraction) stays in the image with its derivatives, so it can come back.
 * <p>
 * Models are numbered, their parents held as numbers (-1: a model outside the image,
 * which cannot join it later without a full read: it has a derivative in the image), so a
 * count walks arrays. Immutable: an update copies the arrays (references, not the models'
 * derivations) and shares the numbering.
 */
final class FamilyImage {

	/** One derivation to a parent; {@code relation} null when the edge has none. */
	record Parent(String id, String relation) {
	}

	/**
	 * A model of the family: its derivations to its parents and how many derivatives it
	 * has (0: a leaf).
	 */
	record Member(boolean placeholder, List<Parent> parents, long derivatives) {
	}

	/** A model as the graph holds it now. */
	record Read(String id, Member member) {
	}

	/** Numbers given after the first read are kept apart until they are this many. */
	private static final int MAX_ADDED = 4_096;

	private static final int[] NO_PARENTS = new int[0];

	private static final String[] NO_RELATIONS = new String[0];

	private final int depthLimit;

	private final int[] roots;

	/** Numbers of the first read (shared by every update of it, never changed). */
	private final Map<String, Integer> numbers;

	/** Numbers given since (copied by each update that adds a model). */
	private final Map<String, Integer> added;

	private final boolean[] placeholder;

	private final long[] derivatives;

	private final int[][] parents;

	private final String[][] relations;

	private final boolean closed;

	private final Summary summary;

	private FamilyImage(int depthLimit, int[] roots, Map<String, Integer> numbers, Map<String, Integer> added,
			boolean[] placeholder, long[] derivatives, int[][] parents, String[][] relations, Boolean closed) {
		this.depthLimit = depthLimit;
		this.roots = roots;
		this.numbers = numbers;
		this.added = added;
		this.placeholder = placeholder;
		this.derivatives = derivatives;
		this.parents = parents;
		this.relations = relations;
		this.summary = count();
		this.closed = (closed != null) ? closed : this.summary.maxDepth() < depthLimit;
	}

	/**
	 * The family as read: the roots and every model within {@code depthLimit} hops below
	 * one, each with its derivations to its parents.
	 */
	static FamilyImage read(List<String> roots, int depthLimit, List<Read> models) {
		int n = models.size();
		Map<String, Integer> numbers = HashMap.newHashMap(n);
		for (Read model : models) {
			numbers.putIfAbsent(model.id(), numbers.size());
		}
		n = numbers.size();
		boolean[] placeholder = new boolean[n];
		long[] derivatives = new long[n];
		int[][] parents = new int[n][];
		String[][] relations = new String[n][];
		for (Read model : models) {
			set(numbers.get(model.id()), model.member(), id -> numbers.getOrDefault(id, -1), placeholder, derivatives,
					parents, relations);
		}
		int[] rootNumbers = roots.stream().filter(numbers::containsKey).mapToInt(numbers::get).distinct().toArray();
		return new FamilyImage(depthLimit, rootNumbers, numbers, Map.of(), placeholder, derivatives, parents, relations,
				null);
	}

	private static void set(int number, Member member, java.util.function.ToIntFunction<String> numberOf,
			boolean[] placeholder, long[] derivatives, int[][] parents, String[][] relations) {
		placeholder[number] = member.placeholder();
		derivatives[number] = member.derivatives();
		int edges = member.parents().size();
		int[] to = (edges == 0) ? NO_PARENTS : new int[edges];
		String[] relation = (edges == 0) ? NO_RELATIONS : new String[edges];
		for (int i = 0; i < edges; i++) {
			to[i] = numberOf.applyAsInt(member.parents().get(i).id());
			// A few distinct relations, held once each rather than once per derivation.
			String named = member.parents().get(i).relation();
			relation[i] = (named == null) ? null : named.intern();
		}
		parents[number] = to;
		relations[number] = relation;
	}

	Summary summary() {
		return this.summary;
	}

	private int number(String id) {
		Integer number = this.numbers.get(id);
		if (number == null) {
			number = this.added.get(id);
		}
		return (number == null) ? -1 : number;
	}

	/**
	 * The family after the writes of {@code scopes}: the models they linked or described
	 * read again ({@code read} answers those that exist), or null when that cannot be
	 * exact (the family was not closed, a model of it is gone, or a model that joins it
	 * already has derivatives of its own) and the family must be read again.
	 */
	FamilyImage after(List<Graph.Scope> scopes, Function<Collection<String>, List<Read>> read) {
		if (!this.closed) {
			return null;
		}
		Set<String> touched = new LinkedHashSet<>();
		for (Graph.Scope scope : scopes) {
			touched.addAll(scope.linked());
			touched.addAll(scope.described());
		}
		if (touched.isEmpty()) {
			return this;
		}
		Map<String, Read> reads = new HashMap<>();
		for (Read r : read.apply(touched)) {
			reads.put(r.id(), r);
		}
		for (String id : touched) {
			if (number(id) >= 0 && !reads.containsKey(id)) {
				return null;
			}
		}
		// A model derived from one of the family (directly, or through another model
		// joining with it) joins it; it keeps the family closed only without derivatives.
		Set<String> joining = new LinkedHashSet<>();
		boolean joined = true;
		while (joined) {
			joined = false;
			for (Read r : reads.values()) {
				if (number(r.id()) < 0 && !joining.contains(r.id())
						&& r.member()
							.parents()
							.stream()
							.anyMatch(p -> number(p.id()) >= 0 || joining.contains(p.id()))) {
					if (r.member().derivatives() > 0) {
						return null;
					}
					joining.add(r.id());
					joined = true;
				}
			}
		}
		int n = this.placeholder.length + joining.size();
		Map<String, Integer> numbers = this.numbers;
		Map<String, Integer> added = this.added;
		if (!joining.isEmpty()) {
			added = new HashMap<>(this.added);
			for (String id : joining) {
				added.put(id, this.placeholder.length + added.size() - this.added.size());
			}
			if (added.size() > MAX_ADDED) {
				numbers = new HashMap<>(this.numbers);
				numbers.putAll(added);
				added = Map.of();
			}
		}
		Map<String, Integer> allNumbers = numbers;
		Map<String, Integer> allAdded = added;
		java.util.function.ToIntFunction<String> numberOf = id -> {
			Integer number = allNumbers.get(id);
			if (number == null) {
				number = allAdded.get(id);
			}
			return (number == null) ? -1 : number;
		};
		boolean[] placeholder = Arrays.copyOf(this.placeholder, n);
		long[] derivatives = Arrays.copyOf(this.derivatives, n);
		int[][] parents = Arrays.copyOf(this.parents, n);
		String[][] relations = Arrays.copyOf(this.relations, n);
		for (Read r : reads.values()) {
			int number = numberOf.applyAsInt(r.id());
			if (number >= 0) {
				set(number, r.member(), numberOf, placeholder, derivatives, parents, relations);
			}
		}
		return new FamilyImage(this.depthLimit, this.roots, numbers, added, placeholder, derivatives, parents,
				relations, true);
	}

	/**
	 * The summary statement's figures: the models within the depth limit below the roots
	 * (a root stays a root), each at its smallest depth; placeholders walked but not
	 * counted; a leaf has no derivative at all; byRelation counts the members'
	 * derivations to the family (roots included), an external merge is a counted member
	 * with a derivation to a model outside it.
	 */
	private Summary count() {
		int n = this.placeholder.length;
		// Derivatives of each model, as offsets into one array.
		int[] start = new int[n + 1];
		for (int[] to : this.parents) {
			for (int p : to) {
				if (p >= 0) {
					start[p + 1]++;
				}
			}
		}
		for (int i = 0; i < n; i++) {
			start[i + 1] += start[i];
		}
		int[] children = new int[start[n]];
		int[] fill = Arrays.copyOf(start, n);
		for (int child = 0; child < n; child++) {
			for (int p : this.parents[child]) {
				if (p >= 0) {
					children[fill[p]++] = child;
				}
			}
		}
		int[] depth = new int[n];
		Arrays.fill(depth, -1);
		int[] queue = new int[n];
		int tail = 0;
		for (int root : this.roots) {
			depth[root] = 0;
			queue[tail++] = root;
		}
		for (int head = 0; head < tail; head++) {
			int model = queue[head];
			if (depth[model] == this.depthLimit) {
				continue;
			}
			for (int i = start[model]; i < start[model + 1]; i++) {
				int child = children[i];
				if (depth[child] < 0) {
					depth[child] = depth[model] + 1;
					queue[tail++] = child;
				}
			}
		}
		int counted = 0;
		int reached = 0;
		int leaves = 0;
		int externalMerges = 0;
		int walked = 0;
		int[] byDepth = new int[this.depthLimit + 1];
		Map<String, Integer> byRelation = new HashMap<>();
		for (int model = 0; model < n; model++) {
			if (depth[model] <= 0) {
				continue;
			}
			walked++;
			reached = Math.max(reached, depth[model]);
			boolean external = false;
			int[] to = this.parents[model];
			for (int i = 0; i < to.length; i++) {
				if (to[i] >= 0 && depth[to[i]] >= 0) {
					// A HashMap takes the unrecorded relation (null) as a key.
					byRelation.merge(this.relations[model][i], 1, Integer::sum);
				}
				else {
					external = true;
				}
			}
			if (!this.placeholder[model]) {
				counted++;
				byDepth[depth[model]]++;
				leaves += (this.derivatives[model] == 0) ? 1 : 0;
				externalMerges += external ? 1 : 0;
			}
		}
		List<DepthCount> depthCounts = new ArrayList<>();
		for (int d = 1; d <= this.depthLimit; d++) {
			if (byDepth[d] > 0) {
				depthCounts.add(new DepthCount(d, byDepth[d]));
			}
		}
		List<RelationCount> relationCounts = new ArrayList<>();
		byRelation.forEach((relation, count) -> relationCounts.add(new RelationCount(relation, count)));
		return new Summary(counted, reached, leaves, externalMerges, depthCounts,
				EcosystemAnalytics.ordered(relationCounts), walked);
	}

}
