package dev.pedigree.ecosystem;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The summary of one report is computed at most once, also when it fails: each summary
 * field of a request (the figures, byDepth, byRelation) asks the report's supplier, and a
 * failed statement (e.g. past its time budget) must not run again per field.
 */
class EcosystemSummaryOnceTests {

	@Test
	void a_failed_summary_is_not_computed_again_by_the_next_field() {
		AtomicInteger runs = new AtomicInteger();
		Supplier<String> summary = EcosystemAnalytics.once(() -> {
			runs.incrementAndGet();
			throw new IllegalStateException("past its budget");
		});
		for (int field = 0; field < 3; field++) {
			assertThatThrownBy(summary::get).isInstanceOf(IllegalStateException.class).hasMessage("past its budget");
		}
		assertThat(runs).hasValue(1);
	}

	@Test
	void a_summary_is_computed_once_for_every_field() {
		AtomicInteger runs = new AtomicInteger();
		Supplier<Integer> summary = EcosystemAnalytics.once(runs::incrementAndGet);
		assertThat(summary.get()).isEqualTo(1);
		assertThat(summary.get()).isEqualTo(1);
		assertThat(runs).hasValue(1);
	}

}
