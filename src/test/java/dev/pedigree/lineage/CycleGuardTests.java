package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's own cycle check, which an import of millions of edges keeps across its
 * chunks in int arrays (issue 12).
 */
class CycleGuardTests {

	@Test
	void an_edge_closing_a_cycle_is_refused_with_the_shortest_path_and_the_others_accepted() {
		var guard = new CycleGuard();
		// c derives from b and from x; b from a; x from a.
		assertThat(guard.accept("b", "a")).isNull();
		assertThat(guard.accept("c", "b")).isNull();
		assertThat(guard.accept("c", "x")).isNull();
		assertThat(guard.accept("x", "a")).isNull();
		// a <- c would close a -> c -> b -> a (b is c's first parent, so the path goes
		// through it).
		assertThat(guard.accept("a", "c")).containsExactly("a", "c", "b", "a");
		assertThat(guard.accept("a", "a")).containsExactly("a", "a");
		// The refused edge was not kept: d <- a is fine, and so is a new root above a.
		assertThat(guard.contains("a", "c")).isFalse();
		assertThat(guard.accept("d", "a")).isNull();
		assertThat(guard.accept("a", "root")).isNull();
	}

	@Test
	void a_repeated_edge_is_known_and_accepted_again_without_a_second_copy() {
		var guard = new CycleGuard();
		assertThat(guard.contains("b", "a")).isFalse();
		assertThat(guard.accept("b", "a")).isNull();
		assertThat(guard.contains("b", "a")).isTrue();
		assertThat(guard.contains("a", "b")).isFalse();
		assertThat(guard.accept("b", "a")).isNull();
		assertThat(guard.numberOf("a")).isEqualTo(1);
		assertThat(guard.numberOf("b")).isZero();
		assertThat(guard.numberOf("unknown")).isEqualTo(-1);
	}

	@Test
	void a_long_chain_past_the_first_arrays_keeps_every_edge() {
		var guard = new CycleGuard();
		int n = 5_000;
		for (int i = 1; i < n; i++) {
			assertThat(guard.accept("m" + i, "m" + (i - 1))).isNull();
		}
		List<String> expected = new ArrayList<>();
		expected.add("m0");
		for (int i = n - 1; i >= 0; i--) {
			expected.add("m" + i);
		}
		assertThat(guard.accept("m0", "m" + (n - 1))).isEqualTo(expected);
		assertThat(guard.contains("m2500", "m2499")).isTrue();
	}

}
