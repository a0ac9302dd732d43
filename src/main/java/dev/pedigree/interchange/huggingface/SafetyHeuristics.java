package dev.pedigree.interchange.huggingface;

import java.util.regex.Pattern;

/**
 * Safety removal as it shows in real Hub metadata: "abliterated", "uncensored",
 * "decensored", "no-refusal" in ids, tags or training-set names. Sets
 * {@code safetyEffect} only (never the declared relation), with a confidence below
 * curated facts; a child that only repackages an already safety-removed parent did not
 * remove anything itself.
 */
final class SafetyHeuristics {

	static final double CONFIDENCE = 0.6;

	static final String SOURCE = "heuristic";

	private static final Pattern REMOVAL = Pattern.compile(
			"(abliterat|uncensor|decensor|no[-_ ]?refusal|unaligned|unfiltered[-_ ]?chat|jailbr[eo]k)",
			Pattern.CASE_INSENSITIVE);

	private SafetyHeuristics() {
	}

	static boolean signalsRemoval(String text) {
		return text != null && REMOVAL.matcher(text).find();
	}

	/**
	 * @return true when the derivation child ← parent looks like the step that removed
	 * safety
	 */
	static boolean removedBy(String childEvidence, String parentId) {
		return signalsRemoval(childEvidence) && !signalsRemoval(parentId);
	}

}
