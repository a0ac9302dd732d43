package dev.pedigree.lineage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;

/**
 * Who waits for whom among a test's own transactions, from Neo4j's
 * {@code SHOW TRANSACTIONS}: a test that orders transactions by making one wait for a
 * lock another holds counts only the transactions waiting for its own, so another test's
 * transaction waiting for a lock elsewhere at the same time neither starts its next step
 * early nor holds it back.
 */
final class LockWaits {

	private final Driver driver;

	LockWaits(Driver driver) {
		this.driver = driver;
	}

	/** A transaction of the test's, told apart by its metadata ({@link #idOf}). */
	static TransactionConfig marked(String mark) {
		return TransactionConfig.builder().withMetadata(Map.of("heldByTest", mark)).build();
	}

	/** The id of the open transaction {@link #marked} with {@code mark}. */
	String idOf(String mark) {
		try (var session = this.driver.session()) {
			return session
				.run("SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.heldByTest = $mark "
						+ "RETURN transactionId", Map.of("mark", mark))
				.single()
				.get("transactionId")
				.asString();
		}
	}

	/**
	 * Waits until a transaction waits for a lock that transaction {@code holder} holds,
	 * or {@code writer} is done (a writer that takes no lock finishes instead).
	 * @return the id of the transaction waiting, or null when the writer finished first
	 */
	String awaitBlockedBy(String holder, Future<?> writer) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!writer.isDone() && System.nanoTime() < deadline) {
			try (var session = this.driver.session()) {
				var waiting = session
					.run("SHOW TRANSACTIONS YIELD transactionId, status WHERE status STARTS WITH 'Blocked by' "
							+ "RETURN transactionId, status")
					.list()
					.stream()
					.filter(r -> blockers(r.get("status").asString()).contains(holder))
					.map(r -> r.get("transactionId").asString())
					.toList();
				if (!waiting.isEmpty()) {
					return waiting.get(0);
				}
			}
			Thread.sleep(20);
		}
		return null;
	}

	/** The transactions a status {@code Blocked by: [neo4j-transaction-7, …]} names. */
	private static List<String> blockers(String status) {
		String list = status.substring(status.indexOf('[') + 1, status.lastIndexOf(']'));
		return List.of(list.split(",\\s*"));
	}

}
