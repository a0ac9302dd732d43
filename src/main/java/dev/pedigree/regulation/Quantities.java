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

	}

	private Quantities() {
	}

	/**
	 * A power of ten with at most three significant digits and no trailing zeros:
	 * "10^23", "3.33×10^22", "2.1×10^26"; 0 is "0".
	 */
	public static String power(double value) {
		if (value == 0) {
			return "0";
		}
		BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(3, RoundingMode.HALF_UP));
		int exponent = rounded.precision() - rounded.scale() - 1;
		BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
		String sign = value < 0 ? "-" : "";
		if (mantissa.compareTo(BigDecimal.ONE) == 0) {
			return sign + "10^" + exponent;
		}
		return sign + mantissa.toPlainString() + "×10^" + exponent;
	}

	/**
	 * An amount of US dollars as a statute writes it: "US$500 million", "US$130.5
	 * billion", "US$1 million" (four significant digits at most), "US$250,000" below a
	 * million.
	 */
	public static String usd(double value) {
		if (Math.abs(value) >= 1e9) {
			return "US$" + significant(value / 1e9, 4) + " billion";
		}
		if (Math.abs(value) >= 1e6) {
			return "US$" + significant(value / 1e6, 4) + " million";
		}
		return "US$" + String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * A count of parameters or tokens: "7.00B", "23.8T", "56.0B" (three significant
	 * digits, as model names write sizes); from 10^15 up, a power of ten.
	 */
	public static String count(double n) {
		if (n >= 1e15) {
			return power(n);
		}
		if (n >= 1e12) {
			return String.format(Locale.ROOT, "%.3gT", n / 1e12);
		}
		if (n >= 1e9) {
			return String.format(Locale.ROOT, "%.3gB", n / 1e9);
		}
		if (n >= 1e6) {
			return String.format(Locale.ROOT, "%.3gM", n / 1e6);
		}
		return String.format(Locale.ROOT, "%.3g", n);
	}

	private static String significant(double value, int digits) {
		return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP))
			.stripTrailingZeros()
			.toPlainString();
	}

}
