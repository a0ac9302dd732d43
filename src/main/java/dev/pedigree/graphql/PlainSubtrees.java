package dev.pedigree.graphql;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.ResultNodesInfo;
import graphql.execution.conditional.ConditionalNodeDecision;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;

import org.reactivestreams.Publisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/**
 * Queries (and a mutation's result below its top field) complete a field's whole subtree
 * in one pass when every field below it is a plain read of an object in memory (a record
 * component, a map entry, a page's edges): GraphQL Java completes each field of a
 * response on its own (an execution step, its parameters, instrumentation hooks, a future
 * or value holder, a result map per object), which was a fifth of a small family's server
 * CPU on the statement path — some two hundred plain fields of fifty entries
 * (docs/benchmarks.md, issue 12, session 22).
 * <p>
 * A subtree qualifies when, below the field, every object type is concrete, every field
 * is served by a {@link LightDataFetcher} (GraphQL Java's property fetcher and ours; they
 * are never wrapped or observed, and one that asks for its environment, as
 * {@code Derivation.parent} does when it loads the parent, takes its field place out of
 * the one pass for the document) or is {@code __typename}, and no selection, fragment or
 * spread carries a directive (so {@code @include}/{@code @skip} never depend on
 * variables, and nothing is deferred), and the request sets no conditional-node decision
 * of its own. That is decided once per document and field place. Field by field and at
 * once give the same answer: the keys in the order GraphQL Java collects them (aliases,
 * merged fields, fragments in place), scalars and enums serialised by their types.
 * Anything that would make GraphQL Java report an error — a null where the schema
 * promises a value, a value a scalar cannot serialise, a fetcher that throws or answers
 * asynchronously, a value wrapped with errors or a local context — abandons the one pass,
 * and the subtree is completed field by field as before, errors and all (plain reads have
 * no side effects to repeat). The instrumentations' per-field hooks are not called below
 * such a field: ours and Spring's ignore plain fetchers ({@link ClampWarnings}, Spring's
 * observations).
 * <p>
 * {@code pedigree.graphql.plain-subtrees=false} turns it off (field by field everywhere).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "pedigree.graphql.plain-subtrees", matchIfMissing = true)
class PlainSubtrees {

	@Bean
	Strategy plainSubtreeStrategy(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
		// The handler Spring for GraphQL gives GraphQL Java's default strategy: the same
		// resolvers, in the same order (Boot's GraphQlAutoConfiguration).
		return new Strategy(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()));
	}

	@Bean
	GraphQlSourceBuilderCustomizer plainSubtreeQueries(Strategy strategy) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(strategy));
	}

	/** GraphQL Java's query strategy, with plain subtrees completed in one pass. */
	static final class Strategy extends AsyncExecutionStrategy {

		/** A field place whose subtree is not plain. */
		private static final Object NOT_PLAIN = new Object();

		/**
		 * By document (by identity, weakly, as the parsed-document cache keeps them), the
		 * shape of each field place's subtree or {@link #NOT_PLAIN}.
		 */
		private final Cache<Document, Map<Place, Object>> byDocument = Caffeine.newBuilder()
			.weakKeys()
			.maximumSize(2_000)
			.build();

		private final LongAdder completed = new LongAdder();

		private final LongAdder askedForEnvironment = new LongAdder();

		Strategy(DataFetcherExceptionHandler handler) {
			super(handler);
		}

		/** Subtrees completed in one pass since the start. */
		long completedInOnePass() {
			return this.completed.sum();
		}

		/**
		 * One passes abandoned since the start because a light fetcher asked for its
		 * environment (each field place once: it is then field by field).
		 */
		long abandonedForEnvironment() {
			return this.askedForEnvironment.sum();
		}

		@Override
		protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
			ExecutionStepInfo step = parameters.getExecutionStepInfo();
			GraphQLFieldDefinition definition = step.getFieldDefinition();
			// The field's own value, not an element of its list (those share its
			// definition, with the element's type).
			if (definition != null && step.getType() == definition.getType() && parameters.getSource() != null
					&& isComposite(definition.getType())
					&& context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null
					&& parameters.getDeferredCallContext() == null
					&& context.getGraphQLContext().get(ConditionalNodeDecision.class) == null) {
				Object value = context.getValueUnboxer().unbox(parameters.getSource());
				Shape shape = value == null || isWrapper(value) ? null
						: shape(context, definition, parameters.getField().getFields());
				if (shape != null) {
					try {
						Object completed = complete(context, shape, value);
						this.completed.increment();
						return new FieldValueInfo(shape instanceof ListOf ? FieldValueInfo.CompleteValueType.LIST
								: FieldValueInfo.CompleteValueType.OBJECT, completed);
					}
					catch (NotPlain ex) {
						// Field by field, where GraphQL Java reports what went wrong. A
						// fetcher that needs its environment here (a derivation whose
						// parent is loaded, not carried) will most likely need it for the
						// next request too: the place is field by field from now on,
						// rather than a pass begun and abandoned on every request.
						if (ex == NotPlain.ENVIRONMENT) {
							this.askedForEnvironment.increment();
							notPlain(context, new Place(definition, parameters.getField().getFields()));
						}
					}
				}
			}
			return super.completeValue(context, parameters);
		}

		private static boolean isComposite(GraphQLOutputType type) {
			GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
			return !(unwrapped instanceof GraphQLScalarType) && !(unwrapped instanceof GraphQLEnumType);
		}

		private Map<Place, Object> shapes(ExecutionContext context) {
			return this.byDocument.get(context.getDocument(), document -> new ConcurrentHashMap<>());
		}

		private void notPlain(ExecutionContext context, Place place) {
			shapes(context).put(place, NOT_PLAIN);
		}

		/** The field place's subtree shape; null when it is not plain. */
		private Shape shape(ExecutionContext context, GraphQLFieldDefinition definition, List<Field> fields) {
			Map<Place, Object> shapes = shapes(context);
			Place place = new Place(definition, fields);
			Object shape = shapes.get(place);
			if (shape == null) {
				Shape found = Shapes.of(context.getGraphQLSchema(), context.getFragmentsByName(), definition.getType(),
						fields);
				shape = found == null ? NOT_PLAIN : found;
				shapes.putIfAbsent(place, shape);
			}
			return shape == NOT_PLAIN ? null : (Shape) shape;
		}

		/** {@code value} (not null) completed as {@code shape}. */
		private static Object complete(ExecutionContext context, Shape shape, Object value) {
			if (shape instanceof Leaf leaf) {
				Object serialized;
				try {
					serialized = leaf.scalar() != null
							? leaf.scalar()
								.getCoercing()
								.serialize(value, context.getGraphQLContext(), context.getLocale())
							: leaf.enumType().serialize(value, context.getGraphQLContext(), context.getLocale());
				}
				catch (RuntimeException ex) {
					throw NotPlain.INSTANCE;
				}
				if (serialized == null) {
					throw NotPlain.INSTANCE;
				}
				return serialized;
			}
			if (shape instanceof ListOf list) {
				List<Object> completed = new ArrayList<>();
				if (value instanceof Iterable<?> iterable) {
					for (Object element : iterable) {
						completed.add(element(context, list, element));
					}
				}
				else if (value.getClass().isArray()) {
					for (int i = 0; i < Array.getLength(value); i++) {
						completed.add(element(context, list, Array.get(value, i)));
					}
				}
				else {
					throw NotPlain.INSTANCE;
				}
				return completed;
			}
			ObjectOf object = (ObjectOf) shape;
			Map<String, Object> completed = new LinkedHashMap<>(object.children().length * 4 / 3 + 1);
			for (Child child : object.children()) {
				if (child.fetcher() == null) {
					completed.put(child.key(), object.type().getName());
					continue;
				}
				Object fetched;
				try {
					fetched = child.fetcher().get(child.definition(), value, NO_ENVIRONMENT);
				}
				catch (Exception ex) {
					throw ex == NotPlain.ENVIRONMENT ? NotPlain.ENVIRONMENT : NotPlain.INSTANCE;
				}
				Object unboxed = plain(context, fetched);
				if (unboxed == null) {
					if (child.nonNull()) {
						throw NotPlain.INSTANCE;
					}
					completed.put(child.key(), null);
				}
				else {
					completed.put(child.key(), complete(context, child.shape(), unboxed));
				}
			}
			return completed;
		}

		private static Object element(ExecutionContext context, ListOf list, Object element) {
			Object unboxed = plain(context, element);
			if (unboxed == null) {
				if (list.elementNonNull()) {
					throw NotPlain.INSTANCE;
				}
				return null;
			}
			return complete(context, list.element(), unboxed);
		}

		/**
		 * A fetched value or a list element as GraphQL Java completes it: unboxed when
		 * fetched and again when completed; {@link NotPlain} when it would take more (a
		 * result wrapper with errors or a local context, a future, a publisher, an
		 * optional left after both).
		 */
		private static Object plain(ExecutionContext context, Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>
					|| value instanceof Flow.Publisher<?> || value instanceof Publisher<?>) {
				throw NotPlain.INSTANCE;
			}
			Object once = context.getValueUnboxer().unbox(value);
			Object twice = once == null ? null : context.getValueUnboxer().unbox(once);
			if (twice != null && isWrapper(twice)) {
				throw NotPlain.INSTANCE;
			}
			return twice;
		}

		private static boolean isWrapper(Object value) {
			return value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>
					|| value instanceof Flow.Publisher<?> || value instanceof Publisher<?>
					|| value instanceof Optional<?> || value instanceof OptionalInt || value instanceof OptionalLong
					|| value instanceof OptionalDouble;
		}

		/**
		 * A plain fetcher asking for its environment is not plain after all (building it
		 * is what the one pass avoids).
		 */
		private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
			throw NotPlain.ENVIRONMENT;
		};

	}

	/** A field place: its definition and its nodes in the document (by identity). */
	private record Place(GraphQLFieldDefinition definition, List<Field> fields) {
	}

	/** What a plain subtree's value is completed as. */
	private sealed interface Shape {

	}

	/** A scalar or an enum. */
	private record Leaf(GraphQLScalarType scalar, GraphQLEnumType enumType) implements Shape {
	}

	private record ListOf(Shape element, boolean elementNonNull) implements Shape {
	}

	private record ObjectOf(GraphQLObjectType type, Child[] children) implements Shape {
	}

	/**
	 * A field of an object under its result key; {@code __typename} has no fetcher.
	 */
	private record Child(String key, GraphQLFieldDefinition definition, LightDataFetcher<?> fetcher, Shape shape,
			boolean nonNull) {
	}

	/** Why a subtree is completed field by field after all; no stack (it is routine). */
	private static final class NotPlain extends RuntimeException {

		static final NotPlain INSTANCE = new NotPlain();

		/** A plain fetcher asked for its environment. */
		static final NotPlain ENVIRONMENT = new NotPlain();

		private NotPlain() {
			super("not a plain subtree", null, false, false);
		}

	}

	/** Works out a field place's subtree shape from the document and the schema. */
	static final class Shapes {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments;

		private Shapes(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
			this.schema = schema;
			this.fragments = fragments;
		}

		/** The shape of {@code type} selected by {@code fields}; null if not plain. */
		static Shape of(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, GraphQLOutputType type,
				List<Field> fields) {
			return new Shapes(schema, fragments).shape(GraphQLTypeUtil.unwrapNonNull(type), fields);
		}

		private Shape shape(GraphQLType type, List<Field> fields) {
			if (type instanceof GraphQLList list) {
				GraphQLType element = list.getWrappedType();
				Shape shape = shape(GraphQLTypeUtil.unwrapNonNull(element), fields);
				return shape == null ? null : new ListOf(shape, element instanceof GraphQLNonNull);
			}
			if (type instanceof GraphQLScalarType scalar) {
				return new Leaf(scalar, null);
			}
			if (type instanceof GraphQLEnumType enumType) {
				return new Leaf(null, enumType);
			}
			if (!(type instanceof GraphQLObjectType object)) {
				// An interface or a union: its object type is resolved per value.
				return null;
			}
			Map<String, List<Field>> byKey = new LinkedHashMap<>();
			// One set for all the field's nodes: a fragment spread twice is collected
			// once.
			Set<String> visitedFragments = new HashSet<>();
			for (Field field : fields) {
				if (!collect(object, field.getSelectionSet(), byKey, visitedFragments)) {
					return null;
				}
			}
			List<Child> children = new ArrayList<>(byKey.size());
			for (Map.Entry<String, List<Field>> entry : byKey.entrySet()) {
				String name = entry.getValue().get(0).getName();
				if (name.equals("__typename")) {
					children.add(new Child(entry.getKey(), null, null, null, true));
					continue;
				}
				GraphQLFieldDefinition definition = object.getFieldDefinition(name);
				if (definition == null) {
					return null;
				}
				DataFetcher<?> fetcher = this.schema.getCodeRegistry().getDataFetcher(object, definition);
				if (!(fetcher instanceof LightDataFetcher<?> light)) {
					return null;
				}
				Shape shape = shape(GraphQLTypeUtil.unwrapNonNull(definition.getType()), entry.getValue());
				if (shape == null) {
					return null;
				}
				children.add(new Child(entry.getKey(), definition, light, shape,
						definition.getType() instanceof GraphQLNonNull));
			}
			return new ObjectOf(object, children.toArray(Child[]::new));
		}

		/**
		 * Adds the fields {@code selections} select on {@code object} to {@code byKey},
		 * in document order, as GraphQL Java's field collector does; false when a
		 * selection carries a directive or a fragment's type condition is abstract.
		 */
		private boolean collect(GraphQLObjectType object, SelectionSet selections, Map<String, List<Field>> byKey,
				Set<String> visitedFragments) {
			if (selections == null) {
				return true;
			}
			for (Selection<?> selection : selections.getSelections()) {
				if (selection instanceof Field field) {
					if (!field.getDirectives().isEmpty()) {
						return false;
					}
					String key = field.getAlias() != null ? field.getAlias() : field.getName();
					byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
				}
				else if (selection instanceof InlineFragment inline) {
					if (!inline.getDirectives().isEmpty()) {
						return false;
					}
					Boolean applies = applies(object, inline.getTypeCondition());
					if (applies == null) {
						return false;
					}
					if (applies && !collect(object, inline.getSelectionSet(), byKey, visitedFragments)) {
						return false;
					}
				}
				else if (selection instanceof FragmentSpread spread) {
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					if (!spread.getDirectives().isEmpty() || fragment == null || !fragment.getDirectives().isEmpty()) {
						return false;
					}
					if (!visitedFragments.add(spread.getName())) {
						continue;
					}
					Boolean applies = applies(object, fragment.getTypeCondition());
					if (applies == null) {
						return false;
					}
					if (applies && !collect(object, fragment.getSelectionSet(), byKey, visitedFragments)) {
						return false;
					}
				}
				else {
					return false;
				}
			}
			return true;
		}

		/**
		 * Whether a fragment on {@code condition} applies to {@code object}; null for an
		 * abstract condition (not worked out here).
		 */
		private Boolean applies(GraphQLObjectType object, TypeName condition) {
			if (condition == null || condition.getName().equals(object.getName())) {
				return true;
			}
			return this.schema.getType(condition.getName()) instanceof GraphQLObjectType ? false : null;
		}

	}

}
