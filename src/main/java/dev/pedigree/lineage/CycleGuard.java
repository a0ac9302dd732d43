package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The no-cycle rule over the edges of one import, in input order: an edge that would
 * close a cycle with the edges accepted before it is refused, with the path. It knows
 * only the import's own edges; cycles through stored derivations are found by
 * {@code lineage/cycles-closed.cypher}, which {@link LineageWrites} runs per batch (and
 * for every curated write), so nothing loads the stored graph into memory.
 * <p>
 * An import of millions of edges keeps all of them here, across its chunks, so they are
 * kept small: each id once, numbered, and the edges as int arrays (each model's parents a
 * linked list of edge numbers, in the order accepted), about 150 bytes per model and 8
 * per edge.
 */
public final class CycleGuard {

	private static final int NONE = -1;

	private final Map<String, Integer> numbers = new HashMap<>();

	private String[] ids = new String[1024];

	/** Per model, its first and last accepted parent edges (NONE: no parents). */
	private int[] firstEdge = new int[1024];

	private int[] lastEdge = new int[1024];

	private int[] edgeParent = new int[1024];

	/** Per edge, the same child's next parent edge. */
	private int[] edgeNext = new int[1024];

	private int edges;

	/** Breadth-first search state, reused: a model was seen in the search numbered so. */
	private int[] seenIn = new int[1024];

	private int[] cameFrom = new int[1024];

	private int[] queue = new int[1024];

	private int search;

	/**
	 * The number of a model this guard has met (0, 1, 2, … in the order met), -1 if none:
	 * for a caller's own compact marks (a {@link java.util.BitSet}).
	 */
	public int numberOf(String id) {
		Integer n = this.numbers.get(id);
		return n == null ? NONE : n;
	}

	/** The id numbered {@code number} ({@link #numberOf}). */
	public String idOf(int number) {
		return this.ids[number];
	}

	/** Whether {@code child -> parent} was accepted before (a repeated record). */
	public boolean contains(String child, String parent) {
		Integer c = this.numbers.get(child);
		Integer p = this.numbers.get(parent);
		return c != null && p != null && hasParent(c, p);
	}

	/**
	 * @return null when {@code child -> parent} is safe (and now accepted), else the path
	 * it would close, from the child back to the child
	 */
	public List<String> accept(String child, String parent) {
		if (child.equals(parent)) {
			return List.of(child, parent);
		}
		int c = number(child);
		int p = number(parent);
		if (hasParent(c, p)) {
			return null;
		}
		List<String> path = pathUp(p, c);
		if (path != null) {
			List<String> cycle = new ArrayList<>();
			cycle.add(child);
			cycle.addAll(path);
			return cycle;
		}
		if (this.edges == this.edgeParent.length) {
			this.edgeParent = Arrays.copyOf(this.edgeParent, this.edges * 2);
			this.edgeNext = Arrays.copyOf(this.edgeNext, this.edges * 2);
		}
		int e = this.edges++;
		this.edgeParent[e] = p;
		this.edgeNext[e] = NONE;
		if (this.lastEdge[c] == NONE) {
			this.firstEdge[c] = e;
		}
		else {
			this.edgeNext[this.lastEdge[c]] = e;
		}
		this.lastEdge[c] = e;
		return null;
	}

	private boolean hasParent(int child, int parent) {
		for (int e = this.firstEdge[child]; e != NONE; e = this.edgeNext[e]) {
			if (this.edgeParent[e] == parent) {
				return true;
			}
		}
		return false;
	}

	private int number(String id) {
		Integer known = this.numbers.get(id);
		if (known != null) {
			return known;
		}
		int n = this.numbers.size();
		if (n == this.ids.length) {
			int size = n * 2;
			this.ids = Arrays.copyOf(this.ids, size);
			this.firstEdge = Arrays.copyOf(this.firstEdge, size);
			this.lastEdge = Arrays.copyOf(this.lastEdge, size);
			this.seenIn = Arrays.copyOf(this.seenIn, size);
			this.cameFrom = Arrays.copyOf(this.cameFrom, size);
			this.queue = Arrays.copyOf(this.queue, size);
		}
		this.numbers.put(id, n);
		this.ids[n] = id;
		this.firstEdge[n] = NONE;
		this.lastEdge[n] = NONE;
		this.seenIn[n] = 0;
		return n;
	}

	/**
	 * Breadth-first from {@code from} up its accepted parents; each model visited once.
	 */
	private List<String> pathUp(int from, int target) {
		if (this.firstEdge[from] == NONE) {
			return null;
		}
		int stamp = ++this.search;
		int head = 0;
		int tail = 0;
		this.queue[tail++] = from;
		this.seenIn[from] = stamp;
		this.cameFrom[from] = NONE;
		while (head < tail) {
			int node = this.queue[head++];
			if (node == target) {
				List<String> path = new ArrayList<>();
				for (int n = node; n != NONE; n = this.cameFrom[n]) {
					path.add(this.ids[n]);
				}
				Collections.reverse(path);
				return path;
			}
			for (int e = this.firstEdge[node]; e != NONE; e = this.edgeNext[e]) {
				int parent = this.edgeParent[e];
				if (this.seenIn[parent] != stamp) {
					this.seenIn[parent] = stamp;
					this.cameFrom[parent] = node;
					this.queue[tail++] = parent;
				}
			}
		}
		return null;
	}

}
