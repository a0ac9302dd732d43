package dev.pedigree.graphql;

import java.util.function.Supplier;

/**
 * A value computed at most once and only when first asked: optional GraphQL fields
 * (totals, summaries) cost nothing unless a client selects them, and several fields
 * sharing one query run it once.
 */
public final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> computation;

	private T value;

	private Lazy(Supplier<T> computation) {
		this.computation = computation;
	}

	public static <T> Lazy<T> of(Supplier<T> computation) {
		return new Lazy<>(computation);
	}

	@Override
	public synchronized T get() {
		if (this.value == null) {
			this.value = this.computation.get();
		}
		return this.value;
	}

}
