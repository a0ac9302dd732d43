package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Model ids in the order the database gives them: ORDER BY (and a range read of the id
 * index) orders stored strings by Unicode code point, but {@code >}, {@code >=} and
 * {@code <} in an expression compare them by UTF-16 unit (CodePointOrderTests). The two
 * agree unless the strings first differ where one has a character beyond the basic plane
 * (a surrogate pair, e.g. U+1F600) and the other one from U+E000 to U+FFFF: U+FF21 sorts
 * before U+1F600, but compares greater. A statement that continues after a cursor's id
 * must place the page where ORDER BY puts that id, so it corrects {@code >} on exactly
 * those strings ({@link #after}).
 */
final class CodePointOrder {

	/** The first character of a UTF-16 string beyond the basic plane (U+10000). */
	private static final String FIRST_SUPPLEMENTARY = "\uD800\uDC00";

	private CodePointOrder() {
	}

	/** Compares strings as the database orders them: by code point. */
	static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}

	/**
	 * The parameters a statement places a cursor's id with: {@code afterId} itself,
	 * {@code afterIdFloor} (a prefix of it that orders and compares alike, for an index
	 * range read: every id after {@code afterId} is greater) and {@code afterIdFlips}
	 * (the ranges of ids that {@code >} places on the other side of {@code afterId} than
	 * ORDER BY does: empty unless it holds a character from U+E000 up). An id
	 * {@code d.id} comes after the cursor's when
	 * {@code (d.id > $afterId) <> any(f IN $afterIdFlips WHERE d.id STARTS WITH f.prefix
	 * AND d.id >= f.from AND (f.before IS NULL OR d.id < f.before))}.
	 * @param afterId null: no cursor (no flips)
	 */
	static Map<String, Object> after(String afterId) {
		return after("afterId", afterId);
	}

	/**
	 * The same parameters for another stored string than an id (a search's key):
	 * {@code name}, {@code nameFloor} and {@code nameFlips}.
	 * @param name the parameter's name in the statement
	 * @param afterId null: no cursor (no flips)
	 */
	static Map<String, Object> after(String name, String afterId) {
		// Only a character from U+D800 up lowers the floor or adds a flip: an ordinary
		// cursor allocates nothing but the parameters (its floor is the cursor itself,
		// which substring returns as it is).
		List<Map<String, String>> flips = null;
		int length = (afterId != null) ? afterId.length() : 0;
		int floor = length;
		for (int i = 0; i < length; i++) {
			char c = afterId.charAt(i);
			if (c < '\uD800') {
				continue;
			}
			floor = Math.min(floor, i);
			if (Character.isLowSurrogate(c)) {
				// The second half of a pair: no flip of its own.
				continue;
			}
			String prefix = afterId.substring(0, i);
			if (flips == null) {
				flips = new ArrayList<>();
			}
			if (c >= '\uE000') {
				// An id with a character beyond the basic plane here: before by unit,
				// after by code point.
				flips.add(Map.of("prefix", prefix, "from", prefix + FIRST_SUPPLEMENTARY, "before", prefix + "\uE000"));
			}
			else {
				// A high surrogate. One with a character from U+E000 to U+FFFF here:
				// after by unit, before by code point.
				flips.add(Map.of("prefix", prefix, "from", prefix + "\uE000"));
			}
		}
		Map<String, Object> params = new HashMap<>();
		params.put(name, afterId);
		params.put(name + "Floor", afterId == null ? null : afterId.substring(0, floor));
		params.put(name + "Flips", (flips == null) ? List.of() : List.copyOf(flips));
		return params;
	}

}
