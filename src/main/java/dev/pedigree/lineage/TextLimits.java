package dev.pedigree.lineage;

import java.util.List;
import java.util.Optional;

/**
 * How long the texts a model is found by may be. Neo4j refuses, at commit, a value longer
 * than an index holds (a range index key of about 8 KB: the id, its search key, the name,
 * the licence; a text index entry of 32 KB: the search text, id + name + aliases), and
 * the refusal named neither the field nor the record and, in an import, came after
 * earlier batches had committed (session 35's review). These bounds stay well inside both
 * at four bytes a character and far above any real value (a Hub id is at most 96 + 1 + 96
 * characters), so such a value is refused first, with its field: by a curated write
 * before it runs, by an import as a rejected record.
 */
public final class TextLimits {

	/** Characters of an id (a model's, a parent's or child's). */
	public static final int ID = 512;

	/** Characters of a name, a licence or one alias. */
	public static final int TEXT = 1_000;

	/** Characters of a model's id, name and aliases together (its search text). */
	public static final int SEARCH_TEXT = 8_000;

	private TextLimits() {
	}

	/** Why {@code value} of {@code field} is too long, if it is. */
	public static Optional<String> tooLong(String field, String value, int limit) {
		if (value == null || value.length() <= limit) {
			return Optional.empty();
		}
		return Optional.of(field + " is " + value.length() + " characters long; at most " + limit + " are stored ('"
				+ value.substring(0, 40) + "…')");
	}

	/**
	 * Why a model's facts cannot be stored, if they cannot: the first of its id, name,
	 * licence, aliases and search text that is too long.
	 */
	public static Optional<String> problem(String id, String name, String license, List<String> aliases) {
		var problem = tooLong("id", id, ID).or(() -> controlCharacter(id))
			.or(() -> tooLong("name", name, TEXT))
			.or(() -> tooLong("license", license, TEXT));
		if (problem.isPresent() || aliases == null) {
			return problem;
		}
		int total = (id == null ? 0 : id.length()) + (name == null ? 0 : name.length());
		for (String alias : aliases) {
			var alone = tooLong("aliases", alias, TEXT);
			if (alone.isPresent()) {
				return alone;
			}
			total += alias == null ? 0 : alias.length() + 1;
		}
		return total <= SEARCH_TEXT ? Optional.empty() : Optional
			.of("id, name and aliases are " + total + " characters together; at most " + SEARCH_TEXT + " are stored");
	}

	/**
	 * Why an id cannot be one, if it cannot: a line break, a tab or another control
	 * character, which no source's id has and which broke an export's file name.
	 */
	public static Optional<String> controlCharacter(String id) {
		if (id == null) {
			return Optional.empty();
		}
		for (int i = 0; i < id.length(); i++) {
			if (Character.isISOControl(id.charAt(i))) {
				return Optional
					.of(String.format("id contains a control character (U+%04X) at %d", (int) id.charAt(i), i));
			}
		}
		return Optional.empty();
	}

	/** {@link #problem(String, String, String, List)} of imported facts. */
	public static Optional<String> problem(ModelFacts model) {
		return problem(model.id(), model.name(), model.license(), model.aliases());
	}

}
