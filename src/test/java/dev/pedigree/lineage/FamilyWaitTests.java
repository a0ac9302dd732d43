package dev.pedigree.lineage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's Graph.read may legitimately last longer than one budget (a retried attempt
 * after a transient failure gets a budget of its own, and the lease wait comes before
 * it); a waiter then reads the family a second time.
 */
class FamilyWaitTests {

	private final Graph graph = Mockito.mock(Graph.class);

	private final CypherQueries cypher = Mockito.mock(CypherQueries.class);

	private final FamilyIndex index = new FamilyIndex(this.graph, this.cypher,
			new FamilyLimits(Duration.ofMinutes(1), Duration.ofMillis(400)));

	@Test
	void a_waiter_does_not_read_again_while_the_owners_read_is_still_running() throws Exception {
		Mockito.when(this.graph.version()).thenReturn(5L);
		AtomicInteger reads = new AtomicInteger();
		Mockito.when(this.graph.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
				ArgumentMatchers.any(Duration.class)))
			.thenAnswer(invocation -> {
				if (reads.incrementAndGet() == 1) {
					// first attempt failed transiently after most of its budget, second
					// attempt runs
					Thread.sleep(900);
				}
				return List.of();
			});
		var key = new FamilyIndex.Key("hub/root", 3, List.of(), null);
		// Threads of their own: the common pool has one worker on two cores, which would
		// run the two requests one after the other.
		var requests = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var owner = requests.submit(() -> this.index.orders(List.of(key), "ORDER", Map.of()));
			Thread.sleep(100);
			var waiter = requests.submit(() -> this.index.orders(List.of(key), "ORDER", Map.of()));
			owner.get(5, TimeUnit.SECONDS);
			waiter.get(5, TimeUnit.SECONDS);
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(reads.get()).as("one read serves both").isEqualTo(1);
	}

}
