package dev.pedigree.interchange.ecosystemgraphs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cycles of a dependency graph as the source states it, for the import report: the
 * cycle guard skips the fewest edges it can, so one skipped edge may break several
 * cycles; this lists each cycle once. Strongly connected components (Tarjan, iterative)
 * bound the search; within one, the shortest cycle through each edge is reported, so
 * every edge that lies on a cycle is covered without enumerating all elementary cycles
 * (which can be exponential).
 */
final class Cycles {

	private Cycles() {
	}

	/**
	 * @return cycles as node lists that end where they start, each once, in a stable
	 * order
	 */
	static List<List<String>> find(Map<String, List<String>> edges) {
		Set<String> found = new LinkedHashSet<>();
		List<List<String>> cycles = new ArrayList<>();
		for (Set<String> component : stronglyConnected(edges)) {
			for (String from : component) {
				for (String to : edges.getOrDefault(from, List.of())) {
					if (!component.contains(to)) {
						continue;
					}
					List<String> cycle = new ArrayList<>();
					cycle.add(from);
					cycle.addAll(shortestPath(to, from, edges, component));
					List<String> canonical = canonical(cycle);
					if (found.add(String.join("\u0000", canonical))) {
						cycles.add(canonical);
					}
				}
			}
		}
		cycles.sort(java.util.Comparator.comparing(c -> String.join(" -> ", c)));
		return cycles;
	}

	/** Components with a cycle: more than one node, or a node that depends on itself. */
	private static List<Set<String>> stronglyConnected(Map<String, List<String>> edges) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		Set<String> onStack = new HashSet<>();
		List<Set<String>> components = new ArrayList<>();
		int counter = 0;
		for (String root : edges.keySet()) {
			if (index.containsKey(root)) {
				continue;
			}
			// Explicit call stack of (node, iterator over its dependencies): no recursion
			// depth limit.
			Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
			index.put(root, counter);
			low.put(root, counter++);
			stack.push(root);
			onStack.add(root);
			work.push(Map.entry(root, edges.getOrDefault(root, List.of()).iterator()));
			while (!work.isEmpty()) {
				var frame = work.peek();
				String node = frame.getKey();
				if (frame.getValue().hasNext()) {
					String next = frame.getValue().next();
					if (!index.containsKey(next)) {
						index.put(next, counter);
						low.put(next, counter++);
						stack.push(next);
						onStack.add(next);
						work.push(Map.entry(next, edges.getOrDefault(next, List.of()).iterator()));
					}
					else if (onStack.contains(next)) {
						low.put(node, Math.min(low.get(node), index.get(next)));
					}
					continue;
				}
				work.pop();
				if (!work.isEmpty()) {
					String parent = work.peek().getKey();
					low.put(parent, Math.min(low.get(parent), low.get(node)));
				}
				if (low.get(node).equals(index.get(node))) {
					Set<String> component = new LinkedHashSet<>();
					String member;
					do {
						member = stack.pop();
						onStack.remove(member);
						component.add(member);
					}
					while (!member.equals(node));
					if (component.size() > 1 || edges.getOrDefault(node, List.of()).contains(node)) {
						components.add(component);
					}
				}
			}
		}
		return components;
	}

	/**
	 * Breadth-first inside one component; the target is reachable because the component
	 * is strongly connected.
	 */
	private static List<String> shortestPath(String from, String to, Map<String, List<String>> edges,
			Set<String> component) {
		Map<String, String> cameFrom = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		queue.add(from);
		cameFrom.put(from, from);
		while (!queue.isEmpty()) {
			String node = queue.poll();
			if (node.equals(to)) {
				break;
			}
			for (String next : edges.getOrDefault(node, List.of())) {
				if (component.contains(next) && !cameFrom.containsKey(next)) {
					cameFrom.put(next, node);
					queue.add(next);
				}
			}
		}
		List<String> path = new ArrayList<>();
		for (String n = to;; n = cameFrom.get(n)) {
			path.add(n);
			if (n.equals(from)) {
				break;
			}
		}
		Collections.reverse(path);
		return path;
	}

	/**
	 * Rotated to start at its smallest node, so one cycle found from different edges is
	 * listed once.
	 */
	private static List<String> canonical(List<String> closed) {
		List<String> open = closed.subList(0, closed.size() - 1);
		int start = open.indexOf(Collections.min(open));
		List<String> rotated = new ArrayList<>(open.subList(start, open.size()));
		rotated.addAll(open.subList(0, start));
		rotated.add(rotated.get(0));
		return rotated;
	}

}
