package dev.pedigree.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' independent recount of a family, against which the server's pages (and
 * ecosystem reports) are checked.
 */
public final class BreadthFirst {

	private BreadthFirst() {
	}

	/**
	 * "depth id" of every descendant of {@code root}, each at its smallest depth, by
	 * depth then id.
	 * @param parents each model's parents, by model id
	 */
	static List<String> descendants(Map<String, List<String>> parents, String root) {
		return depths(parents, root).entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> e.getValue() + " " + e.getKey())
			.toList();
	}

	/**
	 * The smallest depth of every descendant of {@code root} (the root left out).
	 * @param parents each model's parents, by model id
	 */
	public static Map<String, Integer> depths(Map<String, List<String>> parents, String root) {
		Map<String, List<String>> children = new HashMap<>();
		parents.forEach((child, ps) -> ps.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(child)));
		Map<String, Integer> depth = new HashMap<>();
		var queue = new ArrayDeque<String>(List.of(root));
		depth.put(root, 0);
		while (!queue.isEmpty()) {
			String at = queue.poll();
			for (String child : children.getOrDefault(at, List.of())) {
				if (!depth.containsKey(child)) {
					depth.put(child, depth.get(at) + 1);
					queue.add(child);
				}
			}
		}
		depth.remove(root);
		return depth;
	}

}
