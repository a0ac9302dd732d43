package dev.pedigree.interchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses derivations that would close a cycle, before anything is written: it knows the
 * edges already in the graph and those accepted so far, and searches from the new parent
 * upwards for the child (each node visited once, so it never loops).
 */
final class CycleGuard {

	private final Map<String, List<String>> parentsOf;

	/**
	 * Pairs this import added (child + NUL + parent): everything else in
	 * {@code parentsOf} was in the graph.
	 */
	private final Set<String> added = new HashSet<>();

	/**
	 * How many transactions had written derivations when {@code parentsOf} was read
	 * (lineage/lock-lineage.cypher counts them).
	 */
	private final long lineageVersion;

	/** The import's own batches that took the lineage lock so far. */
	private long ownBatches;

	/** Whether someone else wrote derivations after {@code parentsOf} was read. */
	private boolean othersWrote;

	CycleGuard(Map<String, List<String>> existing, long lineageVersion) {
		this.parentsOf = existing;
		this.lineageVersion = lineageVersion;
	}

	/**
	 * Called by a batch of this import holding the lineage lock, with the number of
	 * earlier holders: more than the import's start count plus its own batches means
	 * others wrote derivations this guard does not know, and every batch from now on must
	 * be checked against the graph itself.
	 * @return whether the batch must be checked
	 */
	synchronized boolean lineageLocked(long earlierHolders) {
		if (earlierHolders != this.lineageVersion + this.ownBatches) {
			this.othersWrote = true;
		}
		this.ownBatches++;
		return this.othersWrote;
	}

	/**
	 * @return null when {@code child -> parent} is safe (and now known), else the path it
	 * would close
	 */
	List<String> accept(String child, String parent) {
		if (child.equals(parent)) {
			return List.of(child, parent);
		}
		List<String> path = pathUp(parent, child);
		if (path != null) {
			List<String> cycle = new ArrayList<>();
			cycle.add(child);
			cycle.addAll(path);
			return cycle;
		}
		var parents = this.parentsOf.computeIfAbsent(child, k -> new ArrayList<>(2));
		if (!parents.contains(parent)) {
			parents.add(parent);
			this.added.add(child + "\u0000" + parent);
		}
		return null;
	}

	/**
	 * @return true when {@code child -> parent} was not in the graph before this import
	 */
	boolean isNew(String child, String parent) {
		return this.added.contains(child + "\u0000" + parent);
	}

	private List<String> pathUp(String from, String target) {
		if (!this.parentsOf.containsKey(from)) {
			return null;
		}
		Map<String, String> cameFrom = new HashMap<>();
		Set<String> seen = new HashSet<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		queue.add(from);
		seen.add(from);
		while (!queue.isEmpty()) {
			String node = queue.poll();
			if (node.equals(target)) {
				List<String> path = new ArrayList<>();
				for (String n = node; n != null; n = cameFrom.get(n)) {
					path.add(n);
				}
				Collections.reverse(path);
				return path;
			}
			for (String parent : this.parentsOf.getOrDefault(node, List.of())) {
				if (seen.add(parent)) {
					cameFrom.put(parent, node);
					queue.add(parent);
				}
			}
		}
		return null;
	}

}
