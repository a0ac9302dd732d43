package dev.pedigree.graphql;

import java.util.List;
import java.util.function.Supplier;

/**
 * One page of a Relay connection. {@code total} is computed only if a client selects
 * {@code totalCount}.
 *
 * @param <T> node type
 */
public record RelayConnection<T>(List<Edge<T>> edges, PageInfo pageInfo, Supplier<Integer> total,
		Supplier<Boolean> truncated) {

	/**
	 * Reads the page {@code first}/{@code after} ask for: {@code rows} gets its offset
	 * and a limit one past the (clamped) page size, so the extra row tells whether more
	 * follow.
	 */
	public static <T> RelayConnection<T> page(Limits limits, Integer first, String after, PageReader<T> rows,
			Supplier<Integer> total) {
		int size = limits.pageSize(first);
		long offset = Cursors.after(after);
		return of(rows.read(offset, size + 1), offset, size, total, () -> false);
	}

	/** One page of rows from a query that takes an offset and a limit. */
	@FunctionalInterface
	public interface PageReader<T> {

		List<T> read(long offset, int limit);

	}

	public static <T> RelayConnection<T> of(List<T> rows, long offset, int size, Supplier<Integer> total,
			Supplier<Boolean> truncated) {
		boolean hasNext = rows.size() > size;
		List<T> visible = hasNext ? rows.subList(0, size) : rows;
		List<Edge<T>> edges = new java.util.ArrayList<>(visible.size());
		for (int i = 0; i < visible.size(); i++) {
			edges.add(new Edge<>(visible.get(i), Cursors.of(offset + i)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new RelayConnection<>(edges, new PageInfo(hasNext, offset > 0, start, end), total, truncated);
	}

	public record Edge<T>(T node, String cursor) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
