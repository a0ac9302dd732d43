package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeInfo;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.WiringFactory;

import dev.pedigree.common.Cursors;
import dev.pedigree.common.Page;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * The one connection adapter: every schema type named {@code …Connection} is answered
 * from a domain {@link Page}. {@code edges} carry opaque cursors ({@link Cursors}) of the
 * items' positions, {@code pageInfo} follows from the page's offset and whether more
 * follow, and {@code totalCount} and {@code truncated} ask the page only when a client
 * selects them (the domain computes them once, lazily). Controllers return pages and
 * carry no connection code.
 * <p>
 * The fetchers are registered for each connection type and describe what they answer
 * ({@link SelfDescribingDataFetcher}): {@code edges} a list of {@link Edge}s of the
 * page's item type, read from the fetchers that answer the connection (a controller's
 * {@code Page<ModelView>}). Spring for GraphQL's schema inspection thereby sees that the
 * connection's fields are served and checks its nodes against the item type. (Its own
 * connection support, which skips straight to the node type, does not recognise
 * {@code edges: [ModelEdge!]!}: Spring for GraphQL 2.0 expects the edges nullable.)
 */
@Component
public class Connections implements RuntimeWiringConfigurer {

	private static final Set<String> FIELDS = Set.of("edges", "pageInfo", "totalCount", "truncated");

	private TypeDefinitionRegistry registry;

	@Override
	public void setTypeDefinitionRegistry(TypeDefinitionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void configure(RuntimeWiring.Builder builder) {
	}

	/**
	 * Registers the connection types' fetchers; in this second pass, after every
	 * configurer's registrations (the controllers'), which tell each connection's item
	 * type.
	 */
	@Override
	public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
		Map<String, Map<java.lang.reflect.Type, ResolvableType>> items = itemTypes(builder.build().getDataFetchers());
		for (ObjectTypeDefinition type : this.registry.getTypes(ObjectTypeDefinition.class)) {
			if (!type.getName().endsWith("Connection")) {
				continue;
			}
			var found = items.getOrDefault(type.getName(), Map.of()).values();
			// Fetchers of one connection that disagree on the item type leave it unknown:
			// the inspection then reports the node type as skipped rather than guess.
			ResolvableType item = found.size() == 1 ? found.iterator().next() : ResolvableType.forClass(Object.class);
			TypeRuntimeWiring.Builder wiring = TypeRuntimeWiring.newTypeWiring(type.getName());
			for (FieldDefinition field : type.getFieldDefinitions()) {
				if (FIELDS.contains(field.getName())) {
					wiring.dataFetcher(field.getName(), fetcher(type.getName(), field.getName(), item));
				}
			}
			builder.type(wiring);
		}
	}

	/**
	 * Each connection type's item types: the page items of the registered fetchers whose
	 * field answers that connection.
	 */
	@SuppressWarnings("rawtypes")
	private Map<String, Map<java.lang.reflect.Type, ResolvableType>> itemTypes(
			Map<String, Map<String, DataFetcher>> registered) {
		// By the Java type itself: two ResolvableTypes of one type declared in different
		// controllers do not compare equal.
		Map<String, Map<java.lang.reflect.Type, ResolvableType>> items = new HashMap<>();
		registered.forEach((typeName, fetchers) -> fetchers.forEach((fieldName, fetcher) -> {
			String answered = fieldTypeName(typeName, fieldName);
			if (answered != null && answered.endsWith("Connection")
					&& fetcher instanceof SelfDescribingDataFetcher<?> described) {
				ResolvableType page = DataFetcherResults.value(described.getReturnType()).as(Page.class);
				if (page != ResolvableType.NONE && page.getGeneric(0).resolve() != null) {
					items.computeIfAbsent(answered, name -> new LinkedHashMap<>())
						.putIfAbsent(page.getGeneric(0).getType(), page.getGeneric(0));
				}
			}
		}));
		return items;
	}

	/**
	 * The name of the type a field answers (lists and non-null unwrapped); null if none.
	 */
	private String fieldTypeName(String typeName, String fieldName) {
		List<FieldDefinition> fields = new ArrayList<>();
		this.registry.getType(typeName, ObjectTypeDefinition.class)
			.ifPresent(type -> fields.addAll(type.getFieldDefinitions()));
		this.registry.objectTypeExtensions()
			.getOrDefault(typeName, List.of())
			.forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
		return fields.stream()
			.filter(field -> field.getName().equals(fieldName))
			.map(field -> TypeInfo.typeInfo(field.getType()).getTypeName())
			.map(TypeName::getName)
			.findFirst()
			.orElse(null);
	}

	private static DataFetcher<?> fetcher(String type, String field, ResolvableType item) {
		// Edges and page info are read from the page in memory: trivial, so neither
		// timed as a data fetcher nor wrapped for context propagation (Spring for
		// GraphQL skips trivial fetchers), which cost two observations per connection.
		// The total and truncated may query the database (a walked page counts its
		// family on demand).
		String description = "Connections " + type + "." + field;
		return switch (field) {
			case "edges" -> new TrivialField(description, ResolvableType.forClassWithGenerics(List.class,
					ResolvableType.forClassWithGenerics(Edge.class, item)), Connections::edges);
			case "pageInfo" ->
				new TrivialField(description, ResolvableType.forClass(PageInfo.class), Connections::pageInfo);
			case "totalCount" ->
				new Field(description, ResolvableType.forClass(Integer.class), page -> page.total().get());
			case "truncated" ->
				new Field(description, ResolvableType.forClass(Boolean.class), page -> page.truncated().get());
			default -> throw new IllegalArgumentException("Not a connection field: " + field);
		};
	}

	private static Page<?> page(DataFetchingEnvironment environment) {
		if (environment.getSource() instanceof Page<?> page) {
			return page;
		}
		throw new IllegalStateException("A connection field needs a Page, got "
				+ (environment.getSource() == null ? "null" : environment.getSource().getClass().getName()) + " at "
				+ environment.getExecutionStepInfo().getPath());
	}

	static <T> List<Edge<T>> edges(Page<T> page) {
		List<Edge<T>> edges = new ArrayList<>(page.items().size());
		for (int i = 0; i < page.items().size(); i++) {
			edges.add(new Edge<>(page.items().get(i), page.cursor(i)));
		}
		return edges;
	}

	static PageInfo pageInfo(Page<?> page) {
		int size = page.items().size();
		return new PageInfo(page.hasNext(), page.hasPrevious(), size == 0 ? null : page.cursor(0),
				size == 0 ? null : page.cursor(size - 1));
	}

	/** A connection's edge: an item and the cursor of its position. */
	public record Edge<T>(T node, String cursor) {
	}

	/** Relay's page info. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/** A connection field read from its page, described by the Java type it answers. */
	private static class Field implements SelfDescribingDataFetcher<Object> {

		private final String description;

		private final ResolvableType returnType;

		private final Function<Page<?>, Object> read;

		Field(String description, ResolvableType returnType, Function<Page<?>, Object> read) {
			this.description = description;
			this.returnType = returnType;
			this.read = read;
		}

		@Override
		public Object get(DataFetchingEnvironment environment) {
			return read(page(environment));
		}

		Object read(Page<?> page) {
			return this.read.apply(page);
		}

		@Override
		public String getDescription() {
			return this.description;
		}

		@Override
		public ResolvableType getReturnType() {
			return this.returnType;
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * A connection field read from the page in memory: light (GraphQL Java builds no
	 * environment for it, and a plain subtree below a connection is completed in one
	 * pass, {@link PlainSubtrees}).
	 */
	private static final class TrivialField extends Field implements LightDataFetcher<Object> {

		TrivialField(String description, ResolvableType returnType, Function<Page<?>, Object> read) {
			super(description, returnType, read);
		}

		@Override
		public Object get(GraphQLFieldDefinition definition, Object source,
				Supplier<DataFetchingEnvironment> environment) {
			return source instanceof Page<?> page ? read(page) : get(environment.get());
		}

	}

}
