package dev.pedigree.regulation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Figures as the texts of the law write them, for every reason, bound and report: compute
 * as a power of ten ("10^26", "3.8×10^25"; the AI Act, the guidelines and SB 53 all write
 * thresholds so), money in words ("US$500 million"), counts of parameters and tokens with
 * a suffix ("7.00B"). Numbers carried as numbers (GraphQL figures, the JSON report) are
 * never formatted.
 */
public final class Quantities {

	/** How a figure is measured, which decides how it prints. */
	public enum Unit {

		/** Floating-point operations (AI Act Art. 3(67), guidelines Annex A). */
		FLOP,
		/** SB 53's "integer or floating-point operations" (§22757.11(i)(1)). */
		OPERATIONS,
		/** US dollars. */
		USD;

		public String format(double value) {
			return this == USD ? usd(value) : power(value);
		}

		/** As {@link #format(double)}, not printing as {@code against} does. */
		public String format(double value, double against) {
			return this == USD ? usd(value, against) : power(value, against);
		}

	}

	private Quantities() {
	}

	/**
	 * A power of ten with at most three significant digits and no trailing zeros:
	 * "10^23", "3.33×10^22", "2.1×10^26"; 0 is "0". A bare power of ten only for an exact
	 * one: 1.0004×10^26 prints "1.00×10^26".
	 */
	public static String power(double value) {
		return power(value, 3);
	}

	/**
	 * {@link #power(double)}, with as many more digits as it takes for {@code value} not
	 * to print as {@code against} does (a figure and its threshold): 1.0004×10^26 against
	 * 10^26 prints "1.0004×10^26".
	 */
	public static String power(double value, double against) {
		return power(value, digits(value, against, 3));
	}

	private static String power(double value, int digits) {
		if (value == 0) {
			return "0";
		}
		BigDecimal exact = new BigDecimal(Math.abs(value));
		BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
		int exponent = rounded.precision() - rounded.scale() - 1;
		BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
		String sign = value < 0 ? "-" : "";
		if (mantissa.compareTo(BigDecimal.ONE) == 0) {
			if (Math.abs(value) == Double.parseDouble("1e" + exponent)) {
				return sign + "10^" + exponent;
			}
			return sign + "1." + "0".repeat(digits - 1) + "×10^" + exponent;
		}
		return sign + mantissa.toPlainString() + "×10^" + exponent;
	}

	/**
	 * An amount of US dollars as a statute writes it: "US$500 million", "US$130.5
	 * billion", "US$1 million" (four significant digits at most), "US$250,000" below a
	 * million; the unit is chosen after rounding (US$999.96 million is "US$1 billion").
	 */
	public static String usd(double value) {
		return usd(value, 4);
	}

	/**
	 * {@link #usd(double)}, with as many more digits as it takes for {@code value} not to
	 * print as {@code against} does: US$500.04 million against US$500 million prints
	 * "US$500.04 million".
	 */
	public static String usd(double value, double against) {
		return usd(value, digits(value, against, 4));
	}

	private static String usd(double value, int digits) {
		double rounded = value == 0 ? 0
				: new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
		if (Math.abs(rounded) >= 1e9) {
			return "US$" + significant(value / 1e9, digits) + " billion";
		}
		if (Math.abs(rounded) >= 1e6) {
			return "US$" + significant(value / 1e6, digits) + " million";
		}
		return "US$" + String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * The significant digits, from {@code digits} up, at which {@code value} and
	 * {@code against} round apart; {@code digits} if they are equal.
	 */
	private static int digits(double value, double against, int digits) {
		if (value == against || value == 0 || against == 0) {
			return digits;
		}
		int d = digits;
		while (d < 17 && new BigDecimal(value).round(new MathContext(d, RoundingMode.HALF_UP))
			.compareTo(new BigDecimal(against).round(new MathContext(d, RoundingMode.HALF_UP))) == 0) {
			d++;
		}
		return d;
	}

	/**
	 * A count of parameters or tokens: "7.00B", "23.8T", "56.0B" (three significant
	 * digits, as model names write sizes); from 10^15 up, a power of ten. The suffix is
	 * chosen after rounding: 999.6B is "1.00T".
	 */
	public static String count(double n) {
		double r = n == 0 ? 0 : new BigDecimal(n).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
		if (r >= 1e15) {
			return power(n);
		}
		if (r >= 1e12) {
			return String.format(Locale.ROOT, "%.3gT", r / 1e12);
		}
		if (r >= 1e9) {
			return String.format(Locale.ROOT, "%.3gB", r / 1e9);
		}
		if (r >= 1e6) {
			return String.format(Locale.ROOT, "%.3gM", r / 1e6);
		}
		return String.format(Locale.ROOT, "%.3g", n);
	}

	private static String significant(double value, int digits) {
		return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP))
			.stripTrailingZeros()
			.toPlainString();
	}

}
