package dev.pedigree.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
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

	Graph(Driver driver, @Value("${pedigree.limits.read-timeout:5s}") Duration readTimeout) {
		this.driver = driver;
		this.readConfig = TransactionConfig.builder().withTimeout(readTimeout).build();
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
			try (var session = this.driver
				.session(SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
				return session.run(cypher, parameters, this.readConfig).list(mapper::apply);
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
		try (var session = this.driver
			.session(SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
			return session.executeRead(work, config);
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
		try (var session = this.driver
			.session(SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
			return session.executeRead(work);
		}
	}

	/** Runs {@code work} in one write transaction: it commits whole or not at all. */
	public <T> T write(TransactionCallback<T> work) {
		try (var session = this.driver.session()) {
			T result = session.executeWrite(work);
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

	/** A read exceeded {@code pedigree.limits.read-timeout}. */
	public static class QueryTimeoutException extends RuntimeException {

		QueryTimeoutException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
