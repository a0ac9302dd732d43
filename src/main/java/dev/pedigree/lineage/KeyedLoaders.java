package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Argument-keyed DataLoaders: a field resolved per parent object with arguments (e.g.
 * {@code children(first: 1)} under 300 models) loads for all parents of a level that
 * share the same arguments in one query. {@code @BatchMapping} cannot do this: its key is
 * the parent alone, so it ignores the arguments.
 */
final class KeyedLoaders {

	private KeyedLoaders() {
	}

	/** A parent's id and the (validated, normalised) arguments of its field. */
	public record Key<A>(String id, A arguments) {
	}

	/**
	 * Registers {@code name}: the keys of one dispatch are grouped by their arguments,
	 * and {@code load} answers one group (ids in first-asked order) with a value per id;
	 * an id missing from its answer loads as null.
	 */
	public static <A, V> void register(BatchLoaderRegistry registry, String name,
			BiFunction<List<String>, A, Map<String, V>> load) {
		registry.<Key<A>, V>forName(name).registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> {
			Map<A, List<String>> groups = new LinkedHashMap<>();
			for (Key<A> key : keys) {
				groups.computeIfAbsent(key.arguments(), a -> new ArrayList<>()).add(key.id());
			}
			Map<Key<A>, V> values = new HashMap<>();
			groups.forEach((arguments, ids) -> load.apply(ids, arguments)
				.forEach((id, value) -> values.put(new Key<>(id, arguments), value)));
			return values;
		}));
	}

	public static <A, V> CompletableFuture<V> load(DataFetchingEnvironment environment, String name, String id,
			A arguments) {
		return environment.<Key<A>, V>getDataLoader(name).load(new Key<>(id, arguments));
	}

}
