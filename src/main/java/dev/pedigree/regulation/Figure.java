package dev.pedigree.regulation;

/**
 * A number a verdict used, the threshold it was compared to and the article that sets it,
 * where the number came from, and how firm it is: {@code derived} (computed from other
 * figures, e.g. a child's cumulative compute minus its parent's), {@code estimated} (the
 * source's own estimate), {@code near} (within the estimate tolerance of the threshold,
 * so not decided by it). {@code bound} says what value would decide an undetermined test;
 * {@code unit} how the value and threshold print in texts ({@link Quantities}).
 */
public record Figure(String name, Double value, Double threshold, String article, String source, boolean derived,
		boolean estimated, boolean near, String bound, Quantities.Unit unit) {

	/**
	 * The value or threshold as the reports print it ("10^23", "US$500 million"), with
	 * the digits it takes not to print as the other does.
	 */
	public String print(Double number) {
		if (number == null) {
			return "";
		}
		Double other = number.equals(this.value) ? this.threshold : this.value;
		return other == null ? this.unit.format(number) : this.unit.format(number, other);
	}

}
