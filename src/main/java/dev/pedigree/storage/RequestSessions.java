package dev.pedigree.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.context.ContextRegistry;
import org.neo4j.driver.Bookmark;

/**
 * A request's own share of the database sessions: at most {@code limit} at once, however
 * many fields of it run in parallel (300 aliased roots each want one). {@link Graph}
 * takes a permit from the current request's share before one from the global pool, so one
 * request cannot hold every connection while others queue. The share travels with the
 * request as a GraphQL context entry that Spring for GraphQL restores as a thread local
 * around every data fetcher and batch loader; work outside a request (imports, the CLI)
 * has none and takes global permits only.
 */
public final class RequestSessions {

	/** The GraphQL context key, also the context-propagation key. */
	public static final String KEY = "pedigree.request-sessions";

	/**
	 * The request header the start-up warm-up sends, with {@link #WARM_UP_VALUE}: its
	 * requests (the first runs of each statement among them: planning, the JIT's first
	 * tier) are slow by design, so the slow-query log takes them as it takes an import's
	 * batches (DEBUG below {@code pedigree.slow-batch-threshold}). It changes nothing
	 * else.
	 */
	public static final String WARM_UP_HEADER = "Pedigree-Warm-Up";

	/**
	 * The header's value: random, known only to this process, so no client can send its
	 * own slow queries below the operator's WARN level.
	 */
	public static final String WARM_UP_VALUE = randomHex(16);

	private static final ThreadLocal<RequestSessions> CURRENT = new ThreadLocal<>();

	private static final AtomicBoolean REGISTERED = new AtomicBoolean();

	/** Makes Spring for GraphQL restore the share around data fetchers; idempotent. */
	public static void propagate() {
		if (REGISTERED.compareAndSet(false, true)) {
			ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT::get, CURRENT::set, CURRENT::remove);
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private final Semaphore permits;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final Set<Bookmark> given;

	private final Set<String> written = ConcurrentHashMap.newKeySet();

	private final Supplier<String> operation;

	private final boolean warmUp;

	public RequestSessions(int limit) {
		this(limit, List.of(), () -> "(unnamed)", false);
	}

	/**
	 * @param limit sessions this request may hold at once
	 * @param bookmarks the client's bookmarks (e.g. from a write through another
	 * instance): every session of this request starts after the transactions they name,
	 * on whichever cluster member it runs
	 * @param operation the GraphQL operation, as the slow-query log names it (asked for
	 * only when a query was slow, or for a statement observer in tests)
	 * @param warmUp whether this is one of the start-up warm-up's requests
	 * ({@link #WARM_UP_HEADER})
	 */
	public RequestSessions(int limit, List<String> bookmarks, Supplier<String> operation, boolean warmUp) {
		this.permits = new Semaphore(limit, true);
		this.operation = operation;
		this.warmUp = warmUp;
		this.given = bookmarks.stream().map(Bookmark::from).collect(Collectors.toUnmodifiableSet());
	}

	String operation() {
		return this.operation.get();
	}

	/** Whether this is one of the start-up warm-up's requests. */
	boolean warmUp() {
		return this.warmUp;
	}

	Set<Bookmark> given() {
		return this.given;
	}

	/**
	 * The bookmarks of the write transactions this request committed: a client passes
	 * them to its next request, on any instance, to read its own writes.
	 */
	public List<String> writeBookmarks() {
		return this.written.stream().sorted().toList();
	}

	void committed(Set<Bookmark> bookmarks) {
		bookmarks.forEach(b -> this.written.add(b.value()));
	}

	static RequestSessions current() {
		return CURRENT.get();
	}

	/** The most sessions this request held at once. */
	public int peak() {
		return this.peak.get();
	}

	Semaphore permits() {
		return this.permits;
	}

	void opened() {
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
	}

	void closed() {
		this.open.decrementAndGet();
	}

}
