package dev.pedigree.regulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures as the texts print them, at the boundaries where rounding would mislead. */
class QuantitiesTests {

	@Test
	void a_bare_power_of_ten_only_for_an_exact_one() {
		assertThat(Quantities.power(1e26)).isEqualTo("10^26");
		assertThat(Quantities.power(1e23)).isEqualTo("10^23");
		assertThat(Quantities.power(1.0004e26)).isEqualTo("1.00×10^26");
		assertThat(Quantities.power(3.41e24)).isEqualTo("3.41×10^24");
		assertThat(Quantities.power(0)).isEqualTo("0");
	}

	@Test
	void a_value_and_its_threshold_never_print_the_same() {
		assertThat(Quantities.power(1.0004e26, 1e26)).isEqualTo("1.0004×10^26");
		assertThat(Quantities.power(1e26, 1.0004e26)).isEqualTo("10^26");
		assertThat(Quantities.power(2.1e26, 1e26)).isEqualTo("2.1×10^26");
		assertThat(Quantities.usd(500.04e6, 500e6)).isEqualTo("US$500.04 million");
		assertThat(Quantities.usd(500e6, 500.04e6)).isEqualTo("US$500 million");
		assertThat(Quantities.usd(164.5e9, 500e6)).isEqualTo("US$164.5 billion");
		assertThat(Quantities.Unit.OPERATIONS.format(1.0004e26, 1e26)).isEqualTo("1.0004×10^26");
		assertThat(new Figure("f", 1.0004e26, 1e26, "a", null, false, false, false, null, Quantities.Unit.FLOP)
			.print(1.0004e26)).isEqualTo("1.0004×10^26");
	}

	@Test
	void the_unit_is_chosen_after_rounding() {
		assertThat(Quantities.usd(999.96e6)).isEqualTo("US$1 billion");
		assertThat(Quantities.usd(999.96e6, 1e9)).isEqualTo("US$999.96 million");
		assertThat(Quantities.usd(999_999.6)).isEqualTo("US$1 million");
		assertThat(Quantities.count(999.6e9)).isEqualTo("1.00T");
		assertThat(Quantities.count(999.6e6)).isEqualTo("1.00B");
		assertThat(Quantities.count(7e9)).isEqualTo("7.00B");
		assertThat(Quantities.count(23.8e12)).isEqualTo("23.8T");
	}

}
