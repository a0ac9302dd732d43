package dev.pedigree.ecosystem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.pedigree.ecosystem.EcosystemAnalytics.DepthCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.RelationCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.Summary;
import dev.pedigree.storage.Graph;

/**
 * The family of some roots as the graph stands now, along derivations of every source:
 * each model in it with whether it is a placeholder and its derivations to its parents.
 * The summary of the roots (figures, byDepth, byRelation) is counted from it by a
 * breadth-first walk, with the summary statement's rules, so a write inside a large
 * family updates it by reading only the models the write linked or described, not the
 * whole family again.
 * <p>
 * It holds every derivative of each model it holds ("closed"): then the walk from the
 * roots reaches exactly what the graph's walk reaches. A family read within its depth
 * limit is closed when no member sits at that limit (the derivatives of the deepest ones
 * are members too); a write keeps it closed when each model that joins it has no
 * derivative yet (otherwise the family is read again). Immutable: an update is a copy.
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

	private final List<String> roots;

	private final int depthLimit;

	private final Map<String, Member> members;

	private final boolean closed;

	private final Summary summary;

	private FamilyImage(List<String> roots, int depthLimit, Map<String, Member> members, Boolean closed) {
		this.roots = roots;
		this.depthLimit = depthLimit;
		this.members = members;
		this.summary = count();
		this.closed = (closed != null) ? closed : this.summary.maxDepth() < depthLimit;
	}

	/**
	 * The family as read: the roots and every model within {@code depthLimit} hops below
	 * one, each with its derivations to its parents.
	 */
	static FamilyImage read(List<String> roots, int depthLimit, Map<String, Member> models) {
		return new FamilyImage(List.copyOf(roots), depthLimit, models, null);
	}

	Summary summary() {
		return this.summary;
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
		Map<String, Member> next = new HashMap<>(this.members);
		for (String id : touched) {
			if (this.members.containsKey(id)) {
				Read r = reads.get(id);
				if (r == null) {
					return null;
				}
				next.put(id, r.member());
			}
		}
		// A model derived from one of the family (directly, or through another model
		// joining with it) joins it; it keeps the family closed only without derivatives.
		boolean joined = true;
		while (joined) {
			joined = false;
			for (Read r : reads.values()) {
				if (!next.containsKey(r.id())
						&& r.member().parents().stream().anyMatch(p -> next.containsKey(p.id()))) {
					if (r.member().derivatives() > 0) {
						return null;
					}
					next.put(r.id(), r.member());
					joined = true;
				}
			}
		}
		return new FamilyImage(this.roots, this.depthLimit, next, true);
	}

	/**
	 * The summary statement's figures: the models within the depth limit below the roots
	 * (a root stays a root), each at its smallest depth; placeholders walked but not
	 * counted; a leaf has no derivative at all; byRelation counts the members'
	 * derivations to the family (roots included), an external merge is a counted member
	 * with a derivation to a model outside it.
	 */
	private Summary count() {
		Map<String, List<String>> children = new HashMap<>();
		this.members.forEach((id, member) -> member.parents()
			.forEach(p -> children.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(id)));
		Map<String, Integer> depths = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		for (String root : this.roots) {
			if (depths.putIfAbsent(root, 0) == null) {
				queue.add(root);
			}
		}
		while (!queue.isEmpty()) {
			String id = queue.poll();
			int depth = depths.get(id);
			if (depth == this.depthLimit) {
				continue;
			}
			for (String child : children.getOrDefault(id, List.of())) {
				if (depths.putIfAbsent(child, depth + 1) == null) {
					queue.add(child);
				}
			}
		}
		Set<String> rootSet = Set.copyOf(this.roots);
		int counted = 0;
		int reached = 0;
		int leaves = 0;
		int externalMerges = 0;
		int walked = 0;
		Map<Integer, Integer> byDepth = new TreeMap<>();
		Map<String, Integer> byRelation = new HashMap<>();
		for (var entry : depths.entrySet()) {
			String id = entry.getKey();
			if (rootSet.contains(id)) {
				continue;
			}
			walked++;
			int depth = entry.getValue();
			reached = Math.max(reached, depth);
			Member member = this.members.get(id);
			boolean external = false;
			for (Parent p : member.parents()) {
				if (depths.containsKey(p.id())) {
					// A HashMap takes the unrecorded relation (null) as a key.
					byRelation.merge(p.relation(), 1, Integer::sum);
				}
				else {
					external = true;
				}
			}
			if (!member.placeholder()) {
				counted++;
				byDepth.merge(depth, 1, Integer::sum);
				leaves += (member.derivatives() == 0) ? 1 : 0;
				externalMerges += external ? 1 : 0;
			}
		}
		List<DepthCount> depthCounts = new ArrayList<>();
		byDepth.forEach((depth, n) -> depthCounts.add(new DepthCount(depth, n)));
		List<RelationCount> relationCounts = new ArrayList<>();
		byRelation.forEach((relation, n) -> relationCounts.add(new RelationCount(relation, n)));
		return new Summary(counted, reached, leaves, externalMerges, depthCounts,
				EcosystemAnalytics.ordered(relationCounts), walked);
	}

}
