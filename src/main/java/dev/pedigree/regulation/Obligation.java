package dev.pedigree.regulation;

/**
 * A duty of a role: the date it applies from, the date from which its breach can be fined
 * ({@code enforceableFrom}), whether it applies at the evaluation date, what it covers,
 * and a note where its application is conditional or doubtful.
 */
public record Obligation(String id, String article, String summary, String appliesFrom, String enforceableFrom,
		boolean inForce, String scope, String note) {
}
