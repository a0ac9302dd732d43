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
 * @param cursors each item's cursor when the page carries its own (a page read by keyset:
 * {@link Cursors#ofKey}, {@link Cursors#of(long, String)}); null for cursors of the
 * positions from {@code offset}
 * @param hasPrevious whether items precede the page
 */
public record Page<T>(List<T> items, long offset, boolean hasNext, Supplier<Integer> total, Supplier<Boolean> truncated,
		List<String> cursors, boolean hasPrevious) {

	/** A page read by position: cursors are positions from {@code offset}. */
	public Page(List<T> items, long offset, boolean hasNext, Supplier<Integer> total, Supplier<Boolean> truncated) {
		this(items, offset, hasNext, total, truncated, null, offset > 0);
	}

	/**
	 * A page read by keyset from {@code rows} (read with a limit one past {@code size},
	 * so an extra row tells that more follow) and their {@code keys} in the list's order:
	 * each item's cursor is its key, so the next page starts after the last key without
	 * counting the rows before it.
	 * @param after whether the page was asked after a cursor
	 */
	public static <T> Page<T> keyed(List<T> rows, List<String> keys, int size, boolean after, Supplier<Integer> total) {
		boolean hasNext = rows.size() > size;
		return new Page<>(hasNext ? rows.subList(0, size) : rows, 0, hasNext, total, () -> false,
				(hasNext ? keys.subList(0, size) : keys).stream().map(Cursors::ofKey).toList(), after);
	}

	/** The cursor of the item at {@code index} of this page. */
	public String cursor(int index) {
		return this.cursors == null ? Cursors.of(this.offset + index) : this.cursors.get(index);
	}

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
