package dev.pedigree.lineage;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An edge list's settle runs its two checks on two threads, the size checks on the
 * caller's and the safety checks on a pool's
 * ({@link LineageWrites.ImportWrites#settleLinked}). The public path cannot make both
 * fail at once, so this drives it with failing checks: no failure is lost, and the pool's
 * work is over before the caller's failure surfaces.
 */
class SettleLinkedFailureTests {

	private final BulkWrites bulk = Mockito.mock(BulkWrites.class);

	private final SafetyChecks safety = Mockito.mock(SafetyChecks.class);

	private final SizeChecks sizes = Mockito.mock(SizeChecks.class);

	@Test
	void when_both_checks_fail_the_second_failure_is_kept_as_suppressed() {
		Mockito.when(this.sizes.of(ArgumentMatchers.any())).thenThrow(new IllegalStateException("sizes failed"));
		Mockito.when(this.safety.of(ArgumentMatchers.any())).thenThrow(new IllegalStateException("safety failed"));

		Throwable thrown = catchThrowable(() -> linked().settleLinked());

		assertThat(thrown).hasMessage("sizes failed");
		assertThat(thrown.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessage("safety failed"));
	}

	@Test
	void when_only_the_size_checks_fail_the_safety_checks_are_over_before_the_failure_surfaces() {
		Mockito.when(this.sizes.of(ArgumentMatchers.any())).thenThrow(new IllegalStateException("sizes failed"));
		AtomicBoolean over = new AtomicBoolean();
		Mockito.when(this.safety.of(ArgumentMatchers.any())).thenAnswer(call -> {
			Thread.sleep(300);
			over.set(true);
			return 1L;
		});

		Throwable thrown = catchThrowable(() -> linked().settleLinked());

		assertThat(thrown).hasMessage("sizes failed").hasNoSuppressedExceptions();
		assertThat(over).as("the safety checks finished").isTrue();
	}

	@Test
	void when_only_the_safety_checks_fail_their_failure_surfaces() {
		Mockito.when(this.sizes.of(ArgumentMatchers.any())).thenReturn(new SizeChecks.Outcome(0, 1, 0));
		Mockito.when(this.safety.of(ArgumentMatchers.any())).thenThrow(new IllegalStateException("safety failed"));

		assertThat(catchThrowable(() -> linked().settleLinked())).hasMessage("safety failed")
			.hasNoSuppressedExceptions();
	}

	/** An import that wrote one edge between two stored models. */
	private LineageWrites.ImportWrites linked() {
		Mockito.when(this.bulk.modelCount()).thenReturn(2L);
		Mockito.when(this.bulk.existingModelIds(ArgumentMatchers.any()))
			.thenAnswer(call -> new HashSet<>(call.<java.util.Collection<String>>getArgument(0)));
		var writes = new LineageWrites(null, null, null, this.bulk, null, this.safety, this.sizes).importWrites();
		writes.derivations(
				List.of(DerivationFacts.of("settle/child", "settle/parent").relation(Relation.FINETUNE).build()),
				LineageWrites.UnknownModels.PLACEHOLDER, n -> {
				});
		return writes;
	}

}
