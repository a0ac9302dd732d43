package dev.pedigree.regulation;

/**
 * How firmly a role rests on the facts: the facts meet the text (ESTABLISHED), an
 * indicative or rebuttable criterion, an estimate or a reading of an ambiguous text
 * (PRESUMED — the reasons say which), or an input is missing (UNDETERMINED).
 */
public enum Basis {

	ESTABLISHED, PRESUMED, UNDETERMINED;

	/** The weaker of two bases: a verdict is no firmer than its weakest input. */
	Basis and(Basis other) {
		return this.ordinal() >= other.ordinal() ? this : other;
	}

}
