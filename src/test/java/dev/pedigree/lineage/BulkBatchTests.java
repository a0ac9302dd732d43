package dev.pedigree.lineage;

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

}
