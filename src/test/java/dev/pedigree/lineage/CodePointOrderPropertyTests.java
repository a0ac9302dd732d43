package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CodePointOrder#after}'s parameters against {@link CodePointOrder#compare}, with
 * no server: for every cursor id x and id y of up to five UTF-16 units from an alphabet
 * of the units at the boundaries (below, at and above the surrogates, high and low,
 * U+E000, U+FFFF; pairs of them give U+10000 and U+10FFFF), the statements' placement
 * ({@code (y > x) <> any(flip ...)}, with {@code >}, {@code >=}, {@code <} by UTF-16 unit
 * as Neo4j compares, CodePointOrderTests) says y is after x exactly when ORDER BY (by
 * code point) puts it after, and every such y is above the floor the first-level
 * statement reads the id index from, by either order. Ids are well-formed UTF-16 (a
 * stored id and a cursor's, decoded from UTF-8, hold no lone surrogate).
 */
class CodePointOrderPropertyTests {

	private static final char[] UNITS = { 'a', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFF' };

	@Test
	void after_places_every_id_as_order_by_does_and_above_the_floor() {
		List<String> ids = wellFormed(strings(5));
		assertThat(ids).hasSize(2_825).contains("", "\uD800\uDC00", "\uDBFF\uDFFF", "\uE000\uD800\uDC00");
		List<String> wrong = new ArrayList<>();
		for (String x : ids) {
			Map<String, Object> params = CodePointOrder.after(x);
			String floor = (String) params.get("afterIdFloor");
			@SuppressWarnings("unchecked")
			List<Map<String, String>> flips = (List<Map<String, String>>) params.get("afterIdFlips");
			assertThat(x).startsWith(floor);
			assertThat(floor.chars().allMatch(c -> c < 0xD800)).as("floor of %s", escaped(x)).isTrue();
			for (String y : ids) {
				boolean byCodePoint = CodePointOrder.compare(y, x) > 0;
				if (after(y, x, flips) != byCodePoint) {
					wrong.add(escaped(x) + " / " + escaped(y) + " code point after: " + byCodePoint);
				}
				if (byCodePoint && !(y.compareTo(floor) > 0 && CodePointOrder.compare(y, floor) > 0)) {
					wrong.add("below the floor " + escaped(floor) + ": " + escaped(y) + " after " + escaped(x));
				}
			}
		}
		assertThat(wrong).as("of %s ids, each against each", ids.size()).isEmpty();
	}

	@Test
	void compare_orders_as_code_points_do() {
		List<String> ids = strings(3);
		for (String a : ids) {
			for (String b : ids) {
				assertThat(Integer.signum(CodePointOrder.compare(a, b))).isEqualTo(
						Integer.signum(java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())));
			}
		}
	}

	/** The statements' test: {@code (y > x) <> any(f IN flips WHERE ...)}. */
	private static boolean after(String y, String x, List<Map<String, String>> flips) {
		boolean flipped = false;
		for (Map<String, String> f : flips) {
			if (y.startsWith(f.get("prefix")) && y.compareTo(f.get("from")) >= 0
					&& (f.get("before") == null || y.compareTo(f.get("before")) < 0)) {
				flipped = true;
			}
		}
		return (y.compareTo(x) > 0) != flipped;
	}

	/** Every string of up to {@code length} units of {@link #UNITS}. */
	private static List<String> strings(int length) {
		List<String> all = new ArrayList<>(List.of(""));
		List<String> last = List.of("");
		for (int n = 1; n <= length; n++) {
			List<String> next = new ArrayList<>();
			for (String s : last) {
				for (char c : UNITS) {
					next.add(s + c);
				}
			}
			all.addAll(next);
			last = next;
		}
		return all;
	}

	private static List<String> wellFormed(List<String> strings) {
		return strings.stream().filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).toList();
	}

	private static String escaped(String s) {
		StringBuilder out = new StringBuilder("\"");
		s.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
		return out.append('"').toString();
	}

}
