package dev.pedigree.lineage;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Ids from names: lower case, runs of other characters turned into '-' (DESIGN.md §1).
 */
public final class Slugs {

	private Slugs() {
	}

	public static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return slug.isEmpty() ? "unnamed" : slug;
	}

	/** Key for alias look-ups: case, spaces, hyphens and underscores do not matter. */
	public static String aliasKey(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
	}

}
