package dev.pedigree.interchange.huggingface;

import java.time.LocalDate;
import java.util.List;

import dev.pedigree.lineage.OrganizationDirectory;

/** What every Hub format shares: ids, dates, the developer account and trust. */
final class HubIds {

	static final String SOURCE = "huggingface";

	/** Hub-declared lineage: trusted, but below a curated fact. */
	static final double HUB_CONFIDENCE = 0.9;

	private HubIds() {
	}

	/** Hub ids may come as URLs ({@code https://huggingface.co/org/name}). */
	static String normalise(String id) {
		String s = id.strip();
		for (String prefix : List.of("https://huggingface.co/", "http://huggingface.co/", "huggingface.co/", "hf.co/",
				"https://hf.co/")) {
			if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
				s = s.substring(prefix.length());
			}
		}
		while (s.endsWith("/")) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	/** Hub timestamps ({@code 2025-01-29 08:29:22+00:00}) reduced to their date. */
	static String date(String value) {
		if (value == null) {
			return null;
		}
		String day = value.length() >= 10 ? value.substring(0, 10) : value;
		try {
			LocalDate parsed = LocalDate.parse(day);
			if (parsed.getYear() < 1950 || parsed.isAfter(LocalDate.now().plusDays(1))) {
				throw new IllegalArgumentException("impossible date '" + value + "'");
			}
			return parsed.toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: '" + value + "'");
		}
	}

	/**
	 * The organisation of a repo's author (given, or the id's namespace), null when
	 * neither is known.
	 */
	static String developer(String author, String id, OrganizationDirectory organizations) {
		String account = author != null ? author : (id.contains("/") ? id.substring(0, id.indexOf('/')) : null);
		return account == null ? null : organizations.resolve(account, "hub-account", null, SOURCE);
	}

}
