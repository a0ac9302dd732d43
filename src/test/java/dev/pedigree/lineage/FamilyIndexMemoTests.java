package dev.pedigree.lineage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests that need the same family answer while it is being computed wait for that
 * computation instead of each running it (a giant family's count after its kept one
 * expired), unless a write came between.
 */
class FamilyIndexMemoTests {

	private final Graph graph = Mockito.mock(Graph.class);

	private final AtomicLong version = new AtomicLong(1);

	private final FamilyIndex families;

	private final ExecutorService requests = Executors.newFixedThreadPool(8);

	FamilyIndexMemoTests() {
		Mockito.when(this.graph.version()).thenAnswer(invocation -> this.version.get());
		Mockito.when(this.graph.readsAfterBookmarks()).thenReturn(false);
		this.families = new FamilyIndex(this.graph, Mockito.mock(CypherQueries.class),
				new FamilyLimits(Duration.ofSeconds(60), Duration.ofSeconds(30)));
	}

	@AfterEach
	void stop() {
		this.requests.shutdownNow();
		this.families.stop();
	}

	@Test
	void concurrent_requests_for_one_answer_share_one_computation() throws Exception {
		var computations = new AtomicInteger();
		var release = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(this.requests
				.submit(() -> this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> {
					computations.incrementAndGet();
					await(release);
					return 150_018;
				}, total -> false)));
		}
		// All eight have asked (one computes, seven wait) before it answers.
		Thread.sleep(500);
		release.countDown();
		for (var answer : answers) {
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(150_018);
		}
		assertThat(computations).hasValue(1);
		// Nothing was kept (not large): the next request computes again.
		assertThat(this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> {
			computations.incrementAndGet();
			return 7;
		}, total -> false)).isEqualTo(7);
		assertThat(computations).hasValue(2);
	}

	@Test
	void a_request_after_a_write_does_not_take_an_answer_begun_before_it() throws Exception {
		var release = new CountDownLatch(1);
		var before = this.requests
			.submit(() -> this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> {
				await(release);
				return 1;
			}, total -> false));
		Thread.sleep(300);
		this.version.incrementAndGet();
		var after = this.requests
			.submit(() -> this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> 2, total -> false));
		assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(2);
		release.countDown();
		assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void when_the_shared_computation_fails_a_waiting_request_computes_its_own() throws Exception {
		var release = new CountDownLatch(1);
		var failing = this.requests
			.submit(() -> this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> {
				await(release);
				throw new IllegalStateException("budget ran out");
			}, total -> false));
		Thread.sleep(300);
		var waiting = this.requests
			.submit(() -> this.families.memo("count", "root", FamilyIndex.Depends.STRUCTURE, () -> 3, total -> false));
		Thread.sleep(300);
		assertThat(waiting.isDone()).as("waits for the computation under way").isFalse();
		release.countDown();
		assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(3);
		assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("budget ran out");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
