package dev.pedigree.common;

import java.util.List;
import java.util.function.Supplier;

/**
 * One page of a list in a stable order: the items from position {@code offset}, whether
 * more follow, and the total and the truncation flag, each computed only when someone
 * asks (the API layer turns a page into a Relay connection; a client that does not select
 * {@code totalCount} costs no count).
 *
 * @param <T> item type
 * @param items the page's items, at positions {@code offset}, {@code offset + 1}, …
 * @param offset position of the first item in the whole list
 * @param hasNext whether items follow the page
 * @param total size of the whole list, computed when first asked
 * @param truncated whether a bound (depth, size) cut the whole list, computed when first
 * asked
 */
public record Page<T>(List<T> items, long offset, boolean hasNext, Supplier<Integer> total,
		Supplier<Boolean> truncated) {

	/**
	 * The page {@code request} asks for: {@code rows} gets its offset and a limit one
	 * past the page size, so the extra row tells whether more follow.
	 */
	public static <T> Page<T> read(PageRequest request, Reader<T> rows, Supplier<Integer> total) {
		return of(rows.read(request.offset(), request.size() + 1), request, total, () -> false);
	}

	/**
	 * A page from {@code rows} read with a limit one past {@code request.size()}: the
	 * extra row, when present, only tells that more follow.
	 */
	public static <T> Page<T> of(List<T> rows, PageRequest request, Supplier<Integer> total,
			Supplier<Boolean> truncated) {
		boolean hasNext = rows.size() > request.size();
		return new Page<>(hasNext ? rows.subList(0, request.size()) : rows, request.offset(), hasNext, total,
				truncated);
	}

	/** One page of rows from a query that takes an offset and a limit. */
	@FunctionalInterface
	public interface Reader<T> {

		List<T> read(long offset, int limit);

	}

}
