package dev.pedigree.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;

/**
 * The server's {@link Graph} (a test imports it as the primary one), whose write
 * transactions that ran a given Cypher file fail once after their work ran, as a commit
 * the server refuses with a transient error: the driver rolls the transaction back and
 * runs the work again, as it does after a deadlock or a lock timeout.
 */
@Primary
public class RerunningGraph extends Graph {

	private final CypherQueries queries;

	private final AtomicInteger reruns = new AtomicInteger();

	private volatile String failAfter;

	private volatile Runnable beforeRerun;

	RerunningGraph(Driver driver, CypherQueries queries, MeterRegistry meters, ReadLimits limits,
			@Value("${spring.neo4j.pool.max-connection-pool-size:100}") int poolSize,
			@Value("${spring.neo4j.pool.connection-acquisition-timeout:60s}") Duration acquisitionTimeout,
			QueryLogProperties queryLog) {
		super(driver, queries, meters, limits, poolSize, acquisitionTimeout, queryLog);
		this.queries = queries;
	}

	/**
	 * From now on, each write transaction that runs {@code query} (a Cypher file's name)
	 * fails once after its work; {@code beforeRerun} runs before its second run, once its
	 * first was rolled back.
	 */
	public void failOnceAfter(String query, Runnable beforeRerun) {
		this.beforeRerun = beforeRerun;
		this.failAfter = this.queries.get(query);
	}

	/** Every write runs as it would. */
	public void disarm() {
		this.failAfter = null;
		this.reruns.set(0);
	}

	/** The write transactions failed and run again since {@link #failOnceAfter}. */
	public int reruns() {
		return this.reruns.get();
	}

	@Override
	public <T> T write(Scope scope, TransactionCallback<T> work) {
		String cypher = this.failAfter;
		if (cypher == null) {
			return super.write(scope, work);
		}
		Runnable hook = this.beforeRerun;
		AtomicInteger runs = new AtomicInteger();
		return super.write(scope, tx -> {
			int run = runs.incrementAndGet();
			if (run == 2) {
				hook.run();
			}
			var seen = new Seeing(tx, cypher);
			T done = work.execute(seen);
			if (run == 1 && seen.ran) {
				this.reruns.incrementAndGet();
				throw new TransientException("Neo.TransientError.Transaction.Outdated", "the commit failed (test)");
			}
			return done;
		});
	}

	/** A transaction that notes whether it ran one statement. */
	private static final class Seeing implements TransactionContext {

		private final TransactionContext tx;

		private final String cypher;

		private volatile boolean ran;

		Seeing(TransactionContext tx, String cypher) {
			this.tx = tx;
			this.cypher = cypher;
		}

		private void saw(String query) {
			if (this.cypher.equals(query)) {
				this.ran = true;
			}
		}

		@Override
		public Result run(String query, org.neo4j.driver.Value parameters) {
			saw(query);
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query, Map<String, Object> parameters) {
			saw(query);
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query, Record parameters) {
			saw(query);
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query) {
			saw(query);
			return this.tx.run(query);
		}

		@Override
		public Result run(Query query) {
			saw(query.text());
			return this.tx.run(query);
		}

	}

}
