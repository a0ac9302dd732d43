package dev.pedigree.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: a position in a stable order (depth, id), encoded so clients do
 * not build them.
 */
public final class Cursors {

	private static final String PREFIX = "pos:";

	private Cursors() {
	}

	public static String of(long position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
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
				long position = Long.parseLong(decoded.substring(PREFIX.length()));
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
