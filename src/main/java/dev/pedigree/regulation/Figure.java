package dev.pedigree.regulation;

/**
 * A number a verdict used, the threshold it was compared to and the article that sets it,
 * where the number came from, and how firm it is: {@code derived} (computed from other
 * figures, e.g. a child's cumulative compute minus its parent's), {@code estimated} (the
 * source's own estimate), {@code near} (within the estimate tolerance of the threshold,
 * so not decided by it). {@code bound} says what value would decide an undetermined test.
 */
public record Figure(String name, Double value, Double threshold, String article, String source, boolean derived,
		boolean estimated, boolean near, String bound) {

	static Figure of(String name, Double value, Double threshold, String article) {
		return new Figure(name, value, threshold, article, null, false, false, false, null);
	}

}
