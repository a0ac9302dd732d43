package dev.pedigree.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.WiringFactory;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * Controller methods that answer graphql-java's {@code DataFetcherResult<T>} (to hand a
 * point in time or prefetched rows down to the fields below in the local context) are
 * described by {@code T}. Spring for GraphQL's schema inspection sees through async types
 * and {@code Optional} but not {@code DataFetcherResult}: it looked for {@code Model}'s
 * fields on {@code DataFetcherResult} and reported every property of the model unmapped.
 * Only the description changes; the controller's fetcher answers as before.
 */
@Component
class DataFetcherResults implements RuntimeWiringConfigurer {

	private static final ReactiveAdapterRegistry ADAPTERS = ReactiveAdapterRegistry.getSharedInstance();

	@Override
	public void configure(RuntimeWiring.Builder builder) {
	}

	/** In the second pass, after every configurer's registrations (the controllers'). */
	@Override
	public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
		List<TypeRuntimeWiring.Builder> described = new ArrayList<>();
		builder.build().getDataFetchers().forEach((type, fetchers) -> {
			TypeRuntimeWiring.Builder wiring = TypeRuntimeWiring.newTypeWiring(type);
			boolean any = false;
			for (Map.Entry<String, ?> entry : fetchers.entrySet()) {
				if (entry.getValue() instanceof SelfDescribingDataFetcher<?> fetcher) {
					ResolvableType declared = fetcher.getReturnType();
					ResolvableType data = withoutResult(declared);
					if (data != declared) {
						wiring.dataFetcher(entry.getKey(), new Described<>(fetcher, data));
						any = true;
					}
				}
			}
			if (any) {
				described.add(wiring);
			}
		});
		if (!described.isEmpty()) {
			// In place of the fetchers registered for these fields, which graphql-java's
			// strict mode (on by default) refuses; on again for whatever follows. The
			// builder cannot tell whether it was on; nothing here or in Spring turns it
			// off.
			builder.strictMode(false);
			described.forEach(builder::type);
			builder.strictMode(true);
		}
	}

	/**
	 * {@code DataFetcherResult<T>} as {@code T}, also inside a single-value async type
	 * ({@code CompletableFuture<DataFetcherResult<T>>} as {@code CompletableFuture<T>});
	 * any other type as it is.
	 */
	static ResolvableType withoutResult(ResolvableType type) {
		Class<?> raw = type.resolve(Object.class);
		if (raw == DataFetcherResult.class) {
			return type.getGeneric(0);
		}
		ReactiveAdapter adapter = ADAPTERS.getAdapter(raw);
		if (adapter != null && !adapter.isMultiValue() && type.getGenerics().length == 1
				&& type.getGeneric(0).resolve(Object.class) == DataFetcherResult.class) {
			return ResolvableType.forClassWithGenerics(raw, type.getGeneric(0).getGeneric(0));
		}
		return type;
	}

	/**
	 * The value a fetcher's return type answers, without async types, {@code Optional}
	 * and {@code DataFetcherResult} around it.
	 */
	static ResolvableType value(ResolvableType type) {
		Class<?> raw = type.resolve(Object.class);
		if ((raw == DataFetcherResult.class || raw == Optional.class || ADAPTERS.getAdapter(raw) != null)
				&& type.getGenerics().length == 1) {
			return value(type.getGeneric(0));
		}
		return type;
	}

	/** A fetcher as it is, described by the data its results carry. */
	private record Described<T>(SelfDescribingDataFetcher<T> fetcher,
			ResolvableType returnType) implements SelfDescribingDataFetcher<T> {

		@Override
		public T get(DataFetchingEnvironment environment) throws Exception {
			return this.fetcher.get(environment);
		}

		@Override
		public String getDescription() {
			return this.fetcher.getDescription();
		}

		@Override
		public ResolvableType getReturnType() {
			return this.returnType;
		}

		@Override
		public Map<String, ResolvableType> getArguments() {
			return this.fetcher.getArguments();
		}

		@Override
		public boolean usesDataLoader() {
			return this.fetcher.usesDataLoader();
		}

		@Override
		public Method asMethod() {
			return this.fetcher.asMethod();
		}

		@Override
		public String toString() {
			return this.fetcher.toString();
		}

	}

}
