package dev.pedigree.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: a position in a stable order (depth, id), or, for a list paged by
 * keyset, an item's key in the list's order; encoded so clients do not build them.
 */
public final class Cursors {

	private static final String PREFIX = "pos:";

	private static final String KEY_PREFIX = "key:";

	private Cursors() {
	}

	public static String of(long position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The cursor of an item at a position that also carries the item's key in the list's
	 * order, so the next page can start after the key (a keyset read) or, where the list
	 * is read by position, at the position.
	 */
	public static String of(long position, String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the key a position cursor carries ({@link #of(long, String)}), null when
	 * the cursor is null, carries none or is not a cursor this API issued (which
	 * {@link #after} refuses)
	 */
	public static String keyAt(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':', PREFIX.length());
			return decoded.startsWith(PREFIX) && colon > 0 ? decoded.substring(colon + 1) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The cursor of an item of a list paged by keyset: its key in the list's order. */
	public static String ofKey(String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the key of a cursor from {@link #ofKey}, null when {@code cursor} is null
	 * or empty
	 * @throws InvalidInputException when the cursor is not a key cursor this API issued
	 */
	public static String key(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(KEY_PREFIX)) {
				return decoded.substring(KEY_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the rejection below
		}
		throw new InvalidInputException("after", "The cursor '" + cursor + "' is not one this API issued");
	}

	/**
	 * @return the position after {@code cursor}, 0 when it is null
	 */
	public static long after(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				int colon = decoded.indexOf(':', PREFIX.length());
				long position = Long.parseLong(
						colon < 0 ? decoded.substring(PREFIX.length()) : decoded.substring(PREFIX.length(), colon));
				// No list this API pages has 2^31 entries; a larger position was not
				// issued, and near Long.MAX_VALUE the next offset would overflow.
				if (position >= 0 && position < Integer.MAX_VALUE) {
					return position + 1;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the rejection below
		}
		throw new InvalidInputException("after", "The cursor '" + cursor + "' is not one this API issued");
	}

}
