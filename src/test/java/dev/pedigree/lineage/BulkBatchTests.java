package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, session 7: parallel bulk batches are of even size and come in a number both
 * writers share, so neither waits alone on a last batch; none is larger than
 * {@link BulkWrites#BATCH}.
 */
class BulkBatchTests {

	@Test
	void batches_are_even_at_most_the_batch_size_and_a_multiple_of_the_writers() {
		for (int rows : new int[] { 1, 7, 9_999, 10_000, 10_001, 20_000, 48_822, 50_000, 13_003, 99_999 }) {
			int size = BulkWrites.balancedBatch(rows);
			int batches = (rows + size - 1) / size;
			assertThat(size).as("rows %d", rows).isBetween(1, BulkWrites.BATCH);
			assertThat(batches % BulkWrites.WRITERS == 0 || rows < BulkWrites.WRITERS)
				.as("rows %d: %d batches", rows, batches)
				.isTrue();
			// Even: the last batch is at most one batch-count short of the others.
			assertThat(rows - (batches - 1) * size).as("rows %d", rows).isGreaterThan(size - batches);
		}
		assertThat(BulkWrites.balancedBatch(48_822)).isEqualTo(8_137);
		assertThat(BulkWrites.balancedBatch(0)).isEqualTo(BulkWrites.BATCH);
	}

	/**
	 * Session 30: updates of stored models run two batches at a time in order of
	 * developer (rows without one first), except the rows of a developer with more rows
	 * than one such batch, which go one batch at a time; an organisation named "null" is
	 * a developer like any other.
	 */
	@Test
	void a_developer_with_more_rows_than_a_batch_goes_apart_the_others_in_order_of_developer() {
		var even = BulkWrites.DeveloperSplit.of(rows(Map.of("B", 9_998, "A", 10_000, "null", 1), 1));
		assertThat(BulkWrites.balancedBatch(20_000)).isEqualTo(10_000);
		assertThat(even.apart()).isEmpty();
		assertThat(even.shared()).hasSize(20_000);
		assertThat(even.shared().get(0).get("developerId")).isNull();
		assertThat(even.shared().get(1).get("developerId")).isEqualTo("A");
		assertThat(even.shared().get(10_000).get("developerId")).isEqualTo("A");
		assertThat(even.shared().get(10_001).get("developerId")).isEqualTo("B");
		assertThat(even.shared().get(19_999).get("developerId")).isEqualTo("null");

		var large = BulkWrites.DeveloperSplit.of(rows(Map.of("B", 9_997, "A", 10_001, "null", 1), 1));
		assertThat(large.apart()).hasSize(10_001).allSatisfy(r -> assertThat(r.get("developerId")).isEqualTo("A"));
		assertThat(large.shared()).hasSize(9_999).noneSatisfy(r -> assertThat(r.get("developerId")).isEqualTo("A"));
	}

	/**
	 * Rows of the given developers, interleaved, and {@code without} rows without one.
	 */
	private static List<Map<String, Object>> rows(Map<String, Integer> developers, int without) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Integer> left = new HashMap<>(developers);
		int id = 0;
		while (left.values().stream().anyMatch(n -> n > 0)) {
			for (var developer : List.copyOf(left.keySet())) {
				if (left.get(developer) > 0) {
					left.merge(developer, -1, Integer::sum);
					Map<String, Object> row = new HashMap<>();
					row.put("id", "m" + id++);
					row.put("developerId", developer);
					rows.add(row);
				}
			}
		}
		for (int i = 0; i < without; i++) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", "m" + id++);
			row.put("developerId", null);
			rows.add(row);
		}
		return rows;
	}

}
