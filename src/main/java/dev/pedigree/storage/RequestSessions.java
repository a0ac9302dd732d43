package dev.pedigree.storage;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextRegistry;

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

	private static final ThreadLocal<RequestSessions> CURRENT = new ThreadLocal<>();

	private static final AtomicBoolean REGISTERED = new AtomicBoolean();

	/** Makes Spring for GraphQL restore the share around data fetchers; idempotent. */
	public static void propagate() {
		if (REGISTERED.compareAndSet(false, true)) {
			ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT::get, CURRENT::set, CURRENT::remove);
		}
	}

	private final Semaphore permits;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	public RequestSessions(int limit) {
		this.permits = new Semaphore(limit, true);
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
