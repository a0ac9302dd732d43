package dev.pedigree.common;

/**
 * Which page of a list to read: from position {@code offset}, at most {@code size} items
 * (already clamped by {@link Limits#pageSize}).
 */
public record PageRequest(long offset, int size) {

	/**
	 * The page a client asked for with {@code first} (defaulted and clamped) and the
	 * cursor {@code after} (null for the first page).
	 * @throws InvalidInputException when {@code first} is negative or {@code after} is
	 * not a cursor this API issued
	 */
	public static PageRequest of(Limits limits, Integer first, String after) {
		return new PageRequest(Cursors.after(after), limits.pageSize(first));
	}

}
