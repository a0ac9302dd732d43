package dev.pedigree.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/**
	 * Runs of a write whose node was deleted under it
	 * ({@link #write(Scope, TransactionCallback)}).
	 */
	private static final int WRITE_ATTEMPTS = 3;

	private static final String ENTITY_NOT_FOUND = "Neo.ClientError.Statement.EntityNotFound";

	/**
	 * Queries that held their session for {@code pedigree.slow-query-threshold} or
	 * longer, one line each at WARN: the Cypher file(s), the GraphQL operation, the time.
	 * A batch ({@link #batch}) takes seconds by design: it is logged at WARN only from
	 * {@code pedigree.slow-batch-threshold} on, below that at DEBUG.
	 */
	private static final Logger slowQueries = LoggerFactory.getLogger("dev.pedigree.slow-queries");

	private volatile StatementObserver observer;

	private static final Logger log = LoggerFactory.getLogger(Graph.class);

	/** Set while the current thread runs a batch ({@link #batch}). */
	private static final ThreadLocal<Boolean> inBatch = new ThreadLocal<>();

	private final Driver driver;

	private final TransactionConfig readConfig;

	/**
	 * Counts writes committed through this instance, so caches of derived data know when
	 * they are stale.
	 */
	private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

	/** The last writes' scopes, for {@link #changesSince}. */
	private final java.util.ArrayDeque<Change> changes = new java.util.ArrayDeque<>();

	private static final int MAX_CHANGES = 1_000;

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

	private final long slowQueryNanos;

	private final long slowBatchNanos;

	/**
	 * Every session of this instance reads after this instance's last commit: in a
	 * cluster a read routed to a follower waits until the follower has applied this
	 * instance's writes (read your own writes). Across instances, clients pass bookmarks
	 * ({@link RequestSessions}).
	 */
	private final BookmarkManager bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

	Graph(Driver driver, CypherQueries queries, MeterRegistry meters, ReadLimits limits,
			@Value("${spring.neo4j.pool.max-connection-pool-size:100}") int poolSize,
			@Value("${spring.neo4j.pool.connection-acquisition-timeout:60s}") Duration acquisitionTimeout,
			QueryLogProperties queryLog) {
		Duration slowQueryThreshold = queryLog.slowQueryThreshold();
		this.driver = driver;
		this.slowQueryNanos = nanosOrNever(slowQueryThreshold);
		this.slowBatchNanos = nanosOrNever(queryLog.slowBatchThreshold());
		this.queries = queries;
		this.meters = meters;
		this.readConfig = TransactionConfig.builder().withTimeout(limits.readTimeout()).build();
		this.sessions = new Semaphore(poolSize, true);
		this.acquisitionTimeout = acquisitionTimeout;
		this.waits = Timer.builder("pedigree.db.session.wait")
			.description("Time a query waited for a free database connection")
			.register(meters);
		Gauge.builder("pedigree.db.sessions.waiting", this.sessions, Semaphore::getQueueLength)
			.description("Queries waiting for a free database connection")
			.register(meters);
	}

	private static long nanosOrNever(Duration threshold) {
		return threshold.isZero() || threshold.isNegative() ? Long.MAX_VALUE : threshold.toNanos();
	}

	/**
	 * Runs {@code work}, whose reads and writes on this thread are one batch of a bulk
	 * operation: their time grows with the batch by design (an import's or the seed's
	 * batch of up to 10,000 rows, the warm-up's planning of statements), so the
	 * slow-query log reports them at WARN only from {@code pedigree.slow-batch-threshold}
	 * on, below that at DEBUG.
	 */
	public <T> T batch(java.util.function.Supplier<T> work) {
		boolean outer = inBatch.get() != null;
		inBatch.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (!outer) {
				inBatch.remove();
			}
		}
	}

	/**
	 * A session once a connection is free for it; closing the lease frees the permit and
	 * records how long it was held under {@code pedigree.db.queries}, tagged with the
	 * query's file name ({@code transaction} for a unit of work of several) and its
	 * origin ({@code graphql} for a GraphQL request's, {@code background} for imports,
	 * exports, REST and scheduled work). A read session runs in read mode (routed to
	 * readers with a {@code neo4j://} URI; the server refuses a write in it), a write
	 * session in write mode (to the leader).
	 */
	private Lease lease(AccessMode mode, String query) {
		RequestSessions request = RequestSessions.current();
		var config = SessionConfig.builder().withDefaultAccessMode(mode).withBookmarkManager(this.bookmarks);
		if (request != null && !request.given().isEmpty()) {
			config.withBookmarks(request.given());
		}
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
				.tag("access", mode == AccessMode.READ ? "read" : "write")
				.tag("origin", request == null ? "background" : "graphql")
				.register(this.meters);
			var lease = new Lease(this.driver.session(config.build()), mode, query, this.sessions, request, timer,
					System.nanoTime(), inBatch.get() != null || (request != null && request.warmUp())
							? this.slowBatchNanos : this.slowQueryNanos,
					this.slowQueryNanos);
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

	/** Sessions not handed out at this moment (of the pool's size): for tests. */
	int freeSessions() {
		return this.sessions.availablePermits();
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
		return read(cypher, parameters, mapper, this.readConfig);
	}

	/**
	 * One read query with a time budget of its own, for a statement whose answer may be
	 * kept and reused (e.g. a large family's order read with its first page).
	 */
	public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper,
			Duration budget) {
		return read(cypher, parameters, mapper, TransactionConfig.builder().withTimeout(budget).build());
	}

	private <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper,
			TransactionConfig config) {
		for (int attempt = 1;; attempt++) {
			try (var lease = lease(AccessMode.READ, this.queries.nameOf(cypher))) {
				return lease.session().run(cypher, parameters, config).list(mapper::apply);
			}
			catch (ClientException ex) {
				throw translate(ex);
			}
			catch (org.neo4j.driver.exceptions.Neo4jException ex) {
				if (!(ex instanceof org.neo4j.driver.exceptions.RetryableException) || attempt >= READ_ATTEMPTS) {
					throw translate(ex);
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
		try (var lease = lease(AccessMode.READ, "transaction")) {
			return lease.session().executeRead(lease.traced(work), config);
		}
		catch (org.neo4j.driver.exceptions.Neo4jException ex) {
			throw translate(ex);
		}
	}

	/**
	 * A read for bulk work (imports, exports) that may legitimately outlast the
	 * interactive time budget; routed to readers like every read.
	 */
	public <T> T readBulk(TransactionCallback<T> work) {
		try (var lease = lease(AccessMode.READ, "transaction")) {
			return lease.session().executeRead(lease.traced(work));
		}
	}

	/**
	 * Runs {@code work} in one write transaction: it commits whole or not at all. Caches
	 * derived from the graph take it to have changed anything ({@link #changesSince} says
	 * so); a write that knows what it changed says it with
	 * {@link #write(Scope, TransactionCallback)}.
	 */
	public <T> T write(TransactionCallback<T> work) {
		return write(null, work);
	}

	/**
	 * Runs {@code work} in one write transaction that changes only what {@code scope}
	 * names, so caches of answers the scope cannot reach stay valid
	 * ({@link #changesSince}). Like the driver runs it again after a transient failure (a
	 * deadlock among them), this runs it again, up to {@value #WRITE_ATTEMPTS} times in
	 * all, when a node it matched was deleted by a transaction that committed while it
	 * waited to write the node (Neo4j's EntityNotFound): it then reads the graph without
	 * that node.
	 * @param scope what the write changed; null = anything
	 */
	public <T> T write(Scope scope, TransactionCallback<T> work) {
		for (int attempt = 1;; attempt++) {
			try (var lease = lease(AccessMode.WRITE, "transaction")) {
				T result = lease.session().executeWrite(lease.traced(work));
				synchronized (this.changes) {
					this.changes.addLast(new Change(this.writes.incrementAndGet(), scope));
					if (this.changes.size() > MAX_CHANGES) {
						this.changes.removeFirst();
					}
				}
				return result;
			}
			catch (org.neo4j.driver.exceptions.Neo4jException ex) {
				if (!ENTITY_NOT_FOUND.equals(ex.code()) || attempt >= WRITE_ATTEMPTS) {
					throw translate(ex);
				}
				// A node the work matched was deleted by a transaction that committed
				// while this one waited for its lock (a placeholder a name resolution
				// merged into its model, under an import's edge): the driver does not run
				// it again, but on the graph as it is now the work no longer finds it.
				// The server's message names the node by its internal id, no parameter.
				log.warn("A write transaction runs again (attempt {} of {}): a node it matched was deleted "
						+ "meanwhile: {}", attempt + 1, WRITE_ATTEMPTS, ex.getMessage());
			}
		}
	}

	/**
	 * What one write changed, as model ids: {@code linked} are both ends of every
	 * derivation it created, removed or changed; {@code described} the models whose own
	 * properties it changed. Nothing else (no other model, no derivation between others).
	 */
	public record Scope(Set<String> linked, Set<String> described) {

		public Scope {
			linked = Set.copyOf(linked);
			described = Set.copyOf(described);
		}

	}

	/** The write that made {@code version}; its scope null when it did not say one. */
	public record Change(long version, Scope scope) {
	}

	/**
	 * The writes this instance committed after {@code version}, oldest first (empty when
	 * none); null when one of them did not say what it changed or they are too many to
	 * remember: a cache kept at {@code version} is then stale.
	 */
	public List<Change> changesSince(long version) {
		synchronized (this.changes) {
			if (version >= this.writes.get()) {
				return List.of();
			}
			if (this.changes.isEmpty() || this.changes.getFirst().version() > version + 1) {
				return null;
			}
			List<Change> since = new java.util.ArrayList<>();
			for (Change change : this.changes) {
				if (change.version() > version) {
					if (change.scope() == null) {
						return null;
					}
					since.add(change);
				}
			}
			return since;
		}
	}

	/**
	 * A statement with parameters of the shapes its callers send, and the transaction
	 * they run it in, to be planned before its first use ({@link #plan}).
	 */
	public record Statement(String cypher, Map<String, Object> parameters, Runs runs) {

		public Statement {
			// Null parameter values are a shape of their own (e.g. no developer).
			parameters = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(parameters));
		}

	}

	/**
	 * Where a statement runs: in a read transaction (on a cluster, a reader plans it), in
	 * a write transaction before anything in it wrote (the leader), or after a write in
	 * the same transaction, which the database's plan cache keeps apart (a plan made with
	 * uncommitted changes in the transaction is cached apart from one made without).
	 */
	public enum Runs {

		READ, WRITE, AFTER_A_WRITE

	}

	/**
	 * Plans {@code statements} without running them ({@code EXPLAIN}), so their first run
	 * finds its plan cached. The database keys a plan by the statement, its parameters'
	 * types, the size class of each string and list (1, up to 10, up to 100, ...) and
	 * whether the transaction has uncommitted changes, so each statement is planned with
	 * the shapes its callers send, in a transaction like theirs: {@code EXPLAIN} writes
	 * nothing, and for {@link Runs#AFTER_A_WRITE} the transaction first creates a node
	 * (no label, no property: no token) and is rolled back. A statement given a parameter
	 * too few comes back with the server's notification, which this turns into an
	 * exception: a caller and its planned shape have drifted apart. Each kind of
	 * transaction is tried, with a time budget of a minute, even when another failed; the
	 * first failure is thrown at the end.
	 * @return how many statements were planned
	 */
	public int plan(List<Statement> statements) {
		var budget = TransactionConfig.builder().withTimeout(Duration.ofMinutes(1)).build();
		int planned = 0;
		RuntimeException failed = null;
		for (Runs runs : Runs.values()) {
			List<Statement> these = statements.stream().filter(s -> s.runs() == runs).toList();
			if (these.isEmpty()) {
				continue;
			}
			try (var lease = lease(runs == Runs.READ ? AccessMode.READ : AccessMode.WRITE, "plan")) {
				if (runs == Runs.READ) {
					lease.session().executeRead(tx -> explain(tx, these), budget);
				}
				else if (runs == Runs.WRITE) {
					lease.session().executeWrite(tx -> explain(tx, these), budget);
				}
				else {
					try (var tx = lease.session().beginTransaction(budget)) {
						tx.run("CREATE ()").consume();
						explain(tx, these);
						tx.rollback();
					}
				}
				planned += these.size();
			}
			catch (RuntimeException ex) {
				RuntimeException cause = (ex instanceof org.neo4j.driver.exceptions.Neo4jException neo4j)
						? translate(neo4j) : ex;
				if (failed == null) {
					failed = cause;
				}
				else {
					failed.addSuppressed(cause);
				}
			}
		}
		if (failed != null) {
			throw failed;
		}
		return planned;
	}

	private Void explain(org.neo4j.driver.SimpleQueryRunner tx, List<Statement> statements) {
		for (Statement statement : statements) {
			var summary = tx.run("EXPLAIN " + statement.cypher(), statement.parameters()).consume();
			for (var notification : summary.notifications()) {
				if (notification.code() != null && notification.code().endsWith("ParameterNotProvided")) {
					throw new IllegalStateException(
							"Planning " + this.queries.nameOf(statement.cypher()) + ": " + notification.description());
				}
			}
		}
		return null;
	}

	/**
	 * Runs {@code work} in one write transaction that touches only Pedigree's internal
	 * bookkeeping nodes (labels starting with {@code __}, e.g. the watch runner's
	 * rounds), from which no cached answer is derived: unlike {@link #write}, it leaves
	 * {@link #version} alone, so a poller writing every second does not drop the kept
	 * orders of large families.
	 */
	public <T> T writeBookkeeping(TransactionCallback<T> work) {
		try (var lease = lease(AccessMode.WRITE, "transaction")) {
			return lease.session().executeWrite(lease.traced(work));
		}
		catch (org.neo4j.driver.exceptions.Neo4jException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Whether the current request passed bookmarks: it asks to read after writes this
	 * instance may not have made, so nothing kept from this instance's own view answers
	 * it.
	 */
	public boolean readsAfterBookmarks() {
		RequestSessions request = RequestSessions.current();
		return request != null && !request.given().isEmpty();
	}

	/**
	 * Hands every statement a unit of work runs from now on (not the single auto-commit
	 * reads) to {@code observer} until the returned handle is closed: for tests that
	 * check what a request ran.
	 */
	public AutoCloseable observeStatements(StatementObserver observer) {
		this.observer = observer;
		return () -> this.observer = null;
	}

	/** Sees the statements units of work run ({@link #observeStatements}). */
	@FunctionalInterface
	public interface StatementObserver {

		/**
		 * @param operation the GraphQL operation that ran it, as the slow-query log names
		 * it; null outside a GraphQL request
		 */
		void ran(String operation, String cypher, Map<String, Object> parameters);

	}

	/** Changes whenever this instance commits a write. */
	public long version() {
		return this.writes.get();
	}

	public Driver driver() {
		return this.driver;
	}

	private RuntimeException translate(org.neo4j.driver.exceptions.Neo4jException ex) {
		String code = ex.code() == null ? "" : ex.code();
		if (code.contains("InvalidBookmark")) {
			return new BookmarkException("The bookmark is not one of this database's: pass the "
					+ BookmarkException.HEADER + " header exactly as a response gave it", ex);
		}
		if (code.contains("BookmarkTimeout")) {
			return new OverloadedException("The database member serving this read has not yet caught up with the "
					+ "bookmark's write; try again shortly");
		}
		if (!(ex instanceof ClientException)) {
			return ex;
		}
		if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
			return new QueryTimeoutException(
					"The query exceeded its time budget and was stopped; narrow it (smaller maxDepth, relations filter) or page",
					ex);
		}
		return ex;
	}

	private final class Lease implements AutoCloseable {

		private final Session session;

		private final AccessMode mode;

		private final String query;

		private final Semaphore permits;

		private final RequestSessions request;

		private final Timer timer;

		private final long start;

		private final long slowNanos;

		private final long debugNanos;

		/** The query files a unit of work ran, for the slow-query log. */
		private final Set<String> files = ConcurrentHashMap.newKeySet();

		Lease(Session session, AccessMode mode, String query, Semaphore permits, RequestSessions request, Timer timer,
				long start, long slowNanos, long debugNanos) {
			this.session = session;
			this.mode = mode;
			this.query = query;
			this.permits = permits;
			this.request = request;
			this.timer = timer;
			this.start = start;
			this.slowNanos = slowNanos;
			this.debugNanos = debugNanos;
		}

		Session session() {
			return this.session;
		}

		/** The unit of work, noting the query file of every statement it runs. */
		<T> TransactionCallback<T> traced(TransactionCallback<T> work) {
			return tx -> {
				StatementObserver observer = Graph.this.observer;
				// The operation's name is looked up for the observer only (tests).
				String operation = (this.request == null || observer == null) ? null : this.request.operation();
				return work.execute(new TracedTransaction(tx, this.files, Graph.this.queries, observer, operation));
			};
		}

		@Override
		public void close() {
			try {
				if (this.request != null && this.mode == AccessMode.WRITE) {
					this.request.committed(this.session.lastBookmarks());
				}
				this.session.close();
			}
			finally {
				this.permits.release();
				if (this.request != null) {
					this.request.closed();
					this.request.permits().release();
				}
				long elapsed = System.nanoTime() - this.start;
				this.timer.record(elapsed, TimeUnit.NANOSECONDS);
				if (elapsed >= this.slowNanos) {
					logSlow(elapsed, true);
				}
				else if (elapsed >= this.debugNanos && slowQueries.isDebugEnabled()) {
					logSlow(elapsed, false);
				}
			}
		}

		private void logSlow(long elapsed, boolean warn) {
			String files = this.files.isEmpty() ? this.query
					: this.files.stream().sorted().collect(Collectors.joining(", ", this.query + " of ", ""));
			String operation = this.request == null ? "none (not a GraphQL request)" : this.request.operation();
			slowQueries.atLevel(warn ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.DEBUG)
				.log("Slow {} query: {} ms, cypher {}, GraphQL operation {}",
						this.mode == AccessMode.READ ? "read" : "write", TimeUnit.NANOSECONDS.toMillis(elapsed), files,
						operation);
		}

	}

	/**
	 * A transaction that notes the query file of each statement run in it (and hands the
	 * statement to the observer, when one is set).
	 */
	private record TracedTransaction(TransactionContext tx, Set<String> files, CypherQueries queries,
			StatementObserver observer, String operation) implements TransactionContext {

		@Override
		public Result run(String query, org.neo4j.driver.Value parameters) {
			note(query, () -> parameters.asMap(v -> v.asObject()));
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query, Map<String, Object> parameters) {
			note(query, () -> parameters);
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query, Record parameters) {
			note(query, parameters::asMap);
			return this.tx.run(query, parameters);
		}

		@Override
		public Result run(String query) {
			note(query, Map::of);
			return this.tx.run(query);
		}

		@Override
		public Result run(Query query) {
			note(query.text(), () -> query.parameters().asMap(v -> v.asObject()));
			return this.tx.run(query);
		}

		/** The parameters are converted for the observer only. */
		private void note(String query, java.util.function.Supplier<Map<String, Object>> parameters) {
			this.files.add(this.queries.nameOf(query));
			if (this.observer != null) {
				this.observer.ran(this.operation, query, parameters.get());
			}
		}

	}

	/**
	 * A client's bookmark the database does not know (malformed, or from another
	 * database).
	 */
	public static class BookmarkException extends RuntimeException {

		/** The HTTP header that carries bookmarks between a client and the API. */
		public static final String HEADER = "Pedigree-Bookmark";

		BookmarkException(String message, Throwable cause) {
			super(message, cause);
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
