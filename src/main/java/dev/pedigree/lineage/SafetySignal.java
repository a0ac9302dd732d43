package dev.pedigree.lineage;

import java.util.Locale;

/**
 * One piece of evidence that a derivation removed safety: what was seen
 * ({@code evidence}: the tag, the training set, the id), where it was read
 * ({@code source}: {@code hf:tags}, {@code hf:card:datasets}, {@code id}), how far it can
 * be trusted and, for curated lists, the row's reference (the dataset page that says what
 * the set does).
 */
public record SafetySignal(Kind kind, String evidence, String source, double confidence, String reference) {

	/** What kind of evidence a signal is. */
	public enum Kind {

		/**
		 * A Hub tag the author gave the model ({@code uncensored}, {@code abliterated}).
		 */
		TAG,

		/** A training set on the curated list of sets known to strip alignment. */
		TRAINING_SET,

		/** The model's id or name ({@code …-abliterated}, {@code …-refusal-attack}). */
		NAME

	}

	private static final String SEPARATOR = "|";

	/**
	 * The form stored on a {@code DERIVED_FROM} relationship (a list of strings, as Neo4j
	 * keeps no nested maps): {@code KIND|confidence|source|reference|evidence}.
	 */
	public String encoded() {
		return this.kind.name() + SEPARATOR + String.format(Locale.ROOT, "%.2f", this.confidence) + SEPARATOR
				+ this.source + SEPARATOR + (this.reference == null ? "" : this.reference) + SEPARATOR + this.evidence;
	}

	/** Reads {@link #encoded()}; the evidence may itself contain the separator. */
	public static SafetySignal decode(String stored) {
		String[] parts = stored.split("\\|", 5);
		if (parts.length < 5) {
			throw new IllegalArgumentException("not a stored safety signal: '" + stored + "'");
		}
		return new SafetySignal(Kind.valueOf(parts[0]), parts[4], parts[2], Double.parseDouble(parts[1]),
				parts[3].isEmpty() ? null : parts[3]);
	}

}
