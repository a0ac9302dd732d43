package dev.pedigree.watch;

/** What makes a watch raise a notification about a model in its scope. */
public enum WatchCondition {

	/**
	 * A new descendant whose own derivation removes safeguards (safetyEffect REMOVED).
	 */
	SAFETY_REMOVING_DESCENDANT,
	/** A descendant's training or modification compute reaches the watch's threshold. */
	COMPUTE_ABOVE,
	/** A descendant's Hub downloads reach the watch's threshold. */
	DOWNLOADS_ABOVE,
	/**
	 * A finding or incident recorded on the watched model, an ancestor it inherits from,
	 * or a descendant.
	 */
	FINDING

}
