package dev.pedigree.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The no-cycle rule over the edges of one import, in input order: an edge that would
 * close a cycle with the edges accepted before it is refused, with the path. It knows
 * only the import's own edges; cycles through stored derivations are found by
 * {@code lineage/cycles-closed.cypher}, which {@link LineageWrites} runs per batch (and
 * for every curated write), so nothing loads the stored graph into memory.
 */
public final class CycleGuard {

	private final Map<String, List<String>> parentsOf = new HashMap<>();

	/**
	 * @return null when {@code child -> parent} is safe (and now accepted), else the path
	 * it would close, from the child back to the child
	 */
	public List<String> accept(String child, String parent) {
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
		}
		return null;
	}

	/**
	 * Breadth-first from {@code from} up its accepted parents; each node visited once.
	 */
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
