package dev.pedigree.lineage;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored figure (a parameter count, a training-compute figure) and where it comes from:
 * for parameters the Hub's safetensors total (counted from the weights), Epoch AI's
 * figure, a curator's, or — an estimate — the size the model's name states ("8x7B",
 * "1.5B", "24B"); for compute Epoch AI's figure (an estimate unless Epoch AI rates it
 * confident) or a curator's.
 */
public record SourcedFigure(double value, String source, boolean estimated) {

	/** Counted from the weights the Hub stores ({@code safetensors.total}). */
	public static final String SAFETENSORS = "hf:safetensors";

	/** Epoch AI's figure. */
	public static final String EPOCH = "epoch";

	/** Read from the model's id or name: an estimate. */
	public static final String NAME = "name";

	/** Given by a curator (registerModel). */
	public static final String MANUAL = "manual";

	// A size in a name: digits, an optional decimal part (1.5B, or 7b1 = 7.1B), a unit;
	// optionally
	// preceded by an expert count (8x7B). It stands between separators, so "v0.1" or
	// "gpt2" are not sizes.
	private static final Pattern SIZE = Pattern.compile(
			"(?<![a-z0-9.])(?:(\\d{1,3})x)?(\\d{1,4}(?:\\.\\d{1,3})?)([bmt])(\\d)?(?![a-z0-9])",
			Pattern.CASE_INSENSITIVE);

	private static final double MIN = 1e6;

	private static final double MAX = 1e14;

	/**
	 * The size a model's id or name states, as an estimate: the largest billion- or
	 * trillion-scale figure it names (a "300B-A47B" mixture of experts has 300B in all; a
	 * "7B-1M" model has a million-token context, not a million parameters), else the
	 * largest million-scale one; "8x7B" counts the experts (56B, an upper bound: experts
	 * share layers).
	 */
	public static Optional<SourcedFigure> parametersFromName(String idOrName) {
		return sizeInName(idOrName).map(size -> new SourcedFigure(size.value(), NAME, true));
	}

	/**
	 * The size a name states and the text it was read from ({@link #parametersFromName}),
	 * so that a figure read from a name can say so where it is printed.
	 */
	public static Optional<NameSize> sizeInName(String idOrName) {
		if (idOrName == null) {
			return Optional.empty();
		}
		String name = idOrName.substring(idOrName.lastIndexOf('/') + 1);
		NameSize large = null;
		NameSize small = null;
		Matcher m = SIZE.matcher(name.toLowerCase(Locale.ROOT));
		while (m.find()) {
			double value = Double.parseDouble(m.group(2));
			if (m.group(4) != null) {
				if (m.group(2).contains(".")) {
					continue;
				}
				value = Double.parseDouble(m.group(2) + "." + m.group(4));
			}
			if (m.group(1) != null) {
				value *= Integer.parseInt(m.group(1));
			}
			var size = new NameSize(value, name.substring(m.start(), m.end()), m.group(1) != null);
			switch (m.group(3)) {
				case "t" -> large = larger(large, size.times(1e12));
				case "b" -> large = larger(large, size.times(1e9));
				default -> small = larger(small, size.times(1e6));
			}
		}
		NameSize size = large != null ? large : small;
		return size != null && size.value() >= MIN && size.value() <= MAX ? Optional.of(size) : Optional.empty();
	}

	private static NameSize larger(NameSize a, NameSize b) {
		return a == null || b.value() > a.value() ? b : a;
	}

	/**
	 * A parameter count read from a name.
	 *
	 * @param value the count
	 * @param text the part of the name it was read from ("8x7B")
	 * @param experts the text multiplies an expert count: the count is an upper bound, as
	 * the experts of a mixture share their attention and embedding layers
	 */
	public record NameSize(double value, String text, boolean experts) {

		NameSize times(double unit) {
			return new NameSize(this.value * unit, this.text, this.experts);
		}

	}

}
