package dev.pedigree.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one door to Neo4j for reads and writes: read transactions carry a time budget and
 * are routed to readers in a cluster; a read past its budget surfaces as
 * {@link QueryTimeoutException}, never as a partial answer.
 */
@Component
public class Graph {

	private static final int READ_ATTEMPTS = 3;

	private final Driver driver;

	private final TransactionConfig readConfig;

	/**
	 * Counts writes committed through this instance, so caches of derived data know when
	 * they are stale.
	 */
	private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * One permit per pooled connection, handed out first come, first served. The driver
	 * queues at most 100 waiters for a connection and fails every further one at once
	 * ("pending acquisition queue is full"), whoever it belongs to: one document that
	 * fanned out into hundreds of queries made other clients' requests fail. Waiting here
	 * instead is fair and bounded by the acquisition timeout.
	 */
	private final Semaphore sessions;

	private final Duration acquisitionTimeout;

	private final CypherQueries queries;

	private final MeterRegistry meters;

	private final Timer waits;

	Graph(Driver driver, CypherQueries queries, MeterRegistry meters,
			@Value("${pedigree.limits.read-timeout:5s}") Duration readTimeout,
			@Value("${spring.neo4j.pool.max-connection-pool-size:100}") int poolSize,
			@Value("${spring.neo4j.pool.connection-acquisition-timeout:60s}") Duration acquisitionTimeout) {
		this.driver = driver;
		this.queries = queries;
		this.meters = meters;
		this.readConfig = TransactionConfig.builder().withTimeout(readTimeout).build();
		this.sessions = new Semaphore(poolSize, true);
		this.acquisitionTimeout = acquisitionTimeout;
		this.waits = Timer.builder("pedigree.db.session.wait")
			.description("Time a query waited for a free database connection")
			.register(meters);
		Gauge.builder("pedigree.db.sessions.waiting", this.sessions, Semaphore::getQueueLength)
			.description("Queries waiting for a free database connection")
			.register(meters);
	}

	private static final SessionConfig READ = SessionConfig.builder()
		.withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
		.build();

	private static final SessionConfig WRITE = SessionConfig.defaultConfig();

	/**
	 * A session once a connection is free for it; closing the lease frees the permit and
	 * records how long it was held under {@code pedigree.db.queries}, tagged with the
	 * query's file name ({@code transaction} for a unit of work of several).
	 */
	private Lease lease(SessionConfig config, String query) {
		RequestSessions request = RequestSessions.current();
		long waitStart = System.nanoTime();
		long deadline = waitStart + this.acquisitionTimeout.toNanos();
		// The request's own share first, then the pool: a request over its share waits
		// without holding a pool permit another request could use.
		acquire(request == null ? null : request.permits(), deadline);
		try {
			acquire(this.sessions, deadline);
		}
		catch (RuntimeException ex) {
			if (request != null) {
				request.permits().release();
			}
			throw ex;
		}
		finally {
			this.waits.record(System.nanoTime() - waitStart, TimeUnit.NANOSECONDS);
		}
		try {
			Timer timer = Timer.builder("pedigree.db.queries")
				.description("Database work per query file, from session open to close")
				.tag("query", query)
				.tag("access", config == READ ? "read" : "write")
				.register(this.meters);
			var lease = new Lease(this.driver.session(config), this.sessions, request, timer, System.nanoTime());
			if (request != null) {
				request.opened();
			}
			return lease;
		}
		catch (RuntimeException ex) {
			this.sessions.release();
			if (request != null) {
				request.permits().release();
			}
			throw ex;
		}
	}

	private void acquire(Semaphore permits, long deadline) {
		if (permits == null) {
			return;
		}
		try {
			if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new OverloadedException("The database is busy: no connection came free within "
						+ this.acquisitionTimeout.toSeconds() + " s; try again shortly");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OverloadedException("Interrupted while waiting for a database connection");
		}
	}

	public List<Record> read(String cypher, Map<String, Object> parameters) {
		return read(cypher, parameters, Function.identity());
	}

	/**
	 * One read query as an auto-commit transaction: one network round trip (a managed
	 * transaction needs a second one for COMMIT, which on the serving path doubled the
	 * database share of a request). Transient failures (a cluster member going away) are
	 * retried like a managed transaction would.
	 */
	public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		for (int attempt = 1;; attempt++) {
			try (var lease = lease(READ, this.queries.nameOf(cypher))) {
				return lease.session().run(cypher, parameters, this.readConfig).list(mapper::apply);
			}
			catch (ClientException ex) {
				throw translate(ex);
			}
			catch (org.neo4j.driver.exceptions.Neo4jException ex) {
				if (!(ex instanceof org.neo4j.driver.exceptions.RetryableException) || attempt >= READ_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** The {@code total} column of a counting query's single row. */
	public int total(String cypher, Map<String, Object> parameters) {
		return read(cypher, parameters, r -> r.get("total").asInt()).get(0);
	}

	public <T> T read(TransactionCallback<T> work) {
		return read(work, this.readConfig);
	}

	/**
	 * A read with its own time budget, for work that is computed once and then reused
	 * (e.g. a family index).
	 */
	public <T> T read(TransactionCallback<T> work, Duration budget) {
		return read(work, TransactionConfig.builder().withTimeout(budget).build());
	}

	private <T> T read(TransactionCallback<T> work, TransactionConfig config) {
		try (var lease = lease(READ, "transaction")) {
			return lease.session().executeRead(work, config);
		}
		catch (ClientException ex) {
			throw translate(ex);
		}
	}

	/**
	 * A read for bulk work (imports, exports) that may legitimately outlast the
	 * interactive time budget; routed to readers like every read.
	 */
	public <T> T readBulk(TransactionCallback<T> work) {
		try (var lease = lease(READ, "transaction")) {
			return lease.session().executeRead(work);
		}
	}

	/** Runs {@code work} in one write transaction: it commits whole or not at all. */
	public <T> T write(TransactionCallback<T> work) {
		try (var lease = lease(WRITE, "transaction")) {
			T result = lease.session().executeWrite(work);
			this.writes.incrementAndGet();
			return result;
		}
		catch (ClientException ex) {
			throw translate(ex);
		}
	}

	/** Changes whenever this instance commits a write. */
	public long version() {
		return this.writes.get();
	}

	public Driver driver() {
		return this.driver;
	}

	private static RuntimeException translate(ClientException ex) {
		String code = ex.code() == null ? "" : ex.code();
		if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
			return new QueryTimeoutException(
					"The query exceeded its time budget and was stopped; narrow it (smaller maxDepth, relations filter) or page",
					ex);
		}
		return ex;
	}

	private record Lease(Session session, Semaphore permits, RequestSessions request, Timer timer,
			long start) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.session.close();
			}
			finally {
				this.permits.release();
				if (this.request != null) {
					this.request.closed();
					this.request.permits().release();
				}
				this.timer.record(System.nanoTime() - this.start, TimeUnit.NANOSECONDS);
			}
		}

	}

	/** No database connection came free within the acquisition timeout. */
	public static class OverloadedException extends RuntimeException {

		OverloadedException(String message) {
			super(message);
		}

	}

	/** A read exceeded {@code pedigree.limits.read-timeout}. */
	public static class QueryTimeoutException extends RuntimeException {

		QueryTimeoutException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
