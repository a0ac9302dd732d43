package dev.pedigree.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;

import dev.pedigree.UnseededServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reads under load ({@link Graph#read(String, Map)}): every answer is its own, and every
 * session comes back to the pool, after answers and after failures alike (a permit lost
 * on either path would show here). Same server as UnseededServerTests.
 */
@UnseededServerTest
class ReadSessionsTests {

	@Autowired
	Graph graph;

	@Value("${spring.neo4j.pool.max-connection-pool-size}")
	int poolSize;

	@Test
	void concurrent_reads_get_their_own_answers_and_return_every_session() throws Exception {
		List<Callable<Integer>> reads = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			int asked = i;
			reads.add(() -> this.graph
				.read("RETURN $asked AS answer", Map.of("asked", asked), r -> r.get("answer").asInt() - asked)
				.get(0));
		}
		List<Future<Integer>> answers;
		try (var threads = Executors.newFixedThreadPool(this.poolSize * 2)) {
			answers = threads.invokeAll(reads);
		}
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).as("an answer to its own question").isZero();
		}
		assertAllSessionsComeBack();
	}

	@Test
	void a_failed_read_returns_its_session_too() throws Exception {
		for (int i = 0; i < this.poolSize + 5; i++) {
			assertThatThrownBy(() -> this.graph.read("RETURN $missing AS answer", Map.of()))
				.isInstanceOf(ClientException.class)
				.hasMessageContaining("missing");
		}
		assertAllSessionsComeBack();
		assertThat(this.graph.read("RETURN 1 AS answer", Map.of())).hasSize(1);
	}

	/**
	 * Background work (the watch's poll) holds a session now and then: wait for a moment
	 * without.
	 */
	private void assertAllSessionsComeBack() {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(5))
			.untilAsserted(() -> assertThat(this.graph.freeSessions()).as("free sessions").isEqualTo(this.poolSize));
	}

}
