package dev.pedigree.lineage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A batch of families to order ({@link FamilyIndex#orders}) that fails after it has
 * claimed one family's ordering and before reading it (here: checking whether another
 * family's kept order still holds needs a read, and no connection came free) must not
 * leave that claim behind: the next request for the family would wait for an ordering
 * nobody performs.
 */
class FamilyOrderingFailureTests {

	private final Graph graph = Mockito.mock(Graph.class);

	private final CypherQueries cypher = Mockito.mock(CypherQueries.class);

	private final FamilyIndex index = new FamilyIndex(this.graph, this.cypher,
			new FamilyLimits(Duration.ofMinutes(1), Duration.ofSeconds(30)));

	@Test
	void a_batch_failing_before_its_read_leaves_no_ordering_that_later_requests_wait_for() throws Exception {
		var stale = new FamilyIndex.Key("kept/root", 3, List.of(), null);
		Mockito.when(this.graph.version()).thenReturn(4L);
		this.index.keep(stale, ids(1_000), Collections.nCopies(1_000, 1), Collections.nCopies(1_000, "kept/root"), 4);
		Mockito.when(this.graph.version()).thenReturn(5L);
		Mockito.when(this.graph.changesSince(4L))
			.thenReturn(List.of(new Graph.Change(5, new Graph.Scope(Set.of("elsewhere"), Set.of()))));
		Mockito.when(this.cypher.get("lineage/ancestor-ids")).thenReturn("ANCESTORS");
		Mockito
			.when(this.graph.read(ArgumentMatchers.eq("ANCESTORS"), ArgumentMatchers.anyMap(), ArgumentMatchers.any()))
			.thenThrow(new IllegalStateException("no connection came free"));
		var fresh = new FamilyIndex.Key("fresh/root", 3, List.of(), null);

		Throwable failed = catchThrowable(() -> this.index.orders(List.of(fresh, stale), "ORDER", Map.of()));
		assertThat(failed).hasMessage("no connection came free");

		Mockito.when(this.graph.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
				ArgumentMatchers.any(Duration.class)))
			.thenReturn(List.of());
		assertThat(ordersWithin(fresh)).as("the next request orders the family").containsKey(fresh);
	}

	/**
	 * A read that fails with an error rather than an exception (a family too large for
	 * the heap) ends its ordering too.
	 */
	@Test
	void an_ordering_failing_with_an_error_leaves_no_ordering_that_later_requests_wait_for() throws Exception {
		Mockito.when(this.graph.version()).thenReturn(5L);
		Mockito
			.when(this.graph.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
					ArgumentMatchers.any(Duration.class)))
			.thenThrow(new OutOfMemoryError("Java heap space"))
			.thenReturn(List.of());
		var family = new FamilyIndex.Key("large/root", 3, List.of(), null);

		Throwable failed = catchThrowable(() -> this.index.orders(List.of(family), "ORDER", Map.of()));
		assertThat(failed).isInstanceOf(OutOfMemoryError.class);

		assertThat(ordersWithin(family)).as("the next request orders the family").containsKey(family);
	}

	/**
	 * A family whose ordering failed in the background (e.g. beyond its budget) is not
	 * ordered again in the background by every page near its first level's end.
	 */
	@Test
	void an_ordering_that_failed_in_the_background_is_not_tried_again_there_at_once() throws Exception {
		Mockito.when(this.graph.version()).thenReturn(5L);
		Mockito.when(this.graph.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
				ArgumentMatchers.any(Duration.class)))
			.thenThrow(new IllegalStateException("beyond its budget"));
		var family = new FamilyIndex.Key("slow/root", 3, List.of(), null);
		this.index.orderInBackground(family, "ORDER", Map.of());
		Mockito.verify(this.graph, Mockito.timeout(10_000).times(1))
			.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
					ArgumentMatchers.any(Duration.class));
		// The failure is noted right after the read throws.
		Thread.sleep(200);
		this.index.orderInBackground(family, "ORDER", Map.of());
		Mockito.verify(this.graph, Mockito.after(1_000).times(1))
			.read(ArgumentMatchers.eq("ORDER"), ArgumentMatchers.anyMap(), ArgumentMatchers.any(),
					ArgumentMatchers.any(Duration.class));
	}

	private Map<FamilyIndex.Key, FamilyIndex.Order> ordersWithin(FamilyIndex.Key key) throws Exception {
		var next = new CompletableFuture<Map<FamilyIndex.Key, FamilyIndex.Order>>();
		Thread request = Thread.ofPlatform().daemon().start(() -> {
			try {
				next.complete(this.index.orders(List.of(key), "ORDER", Map.of()));
			}
			catch (Throwable ex) {
				next.completeExceptionally(ex);
			}
		});
		try {
			return next.get(10, TimeUnit.SECONDS);
		}
		finally {
			request.interrupt();
		}
	}

	private static List<String> ids(int n) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(String.format("kept/c%04d", i));
		}
		return ids;
	}

}
