package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * A field's plan, worked out from its selection once per parsed document instead of on
 * every request: reading a selection set makes graphql-java normalise the whole
 * operation, which was about 4 % of a planned lineage request's server CPU on the
 * statement path (docs/benchmarks.md, issue 12, session 20). A plan depends only on the
 * document (the parsed one, shared by every request with the same text through the
 * parsed-document cache), the field's place in it (its syntax nodes, by identity) and the
 * values of the variables used below the field, in arguments and
 * {@code @include}/{@code @skip} conditions, fragments included. Requests that differ
 * only in the field's own arguments (a model's id) share a plan; a variable left out and
 * one sent as null do not. Plans are kept with their document, weakly: a document the
 * parsed-document cache lets go (or never kept) takes its plans with it.
 *
 * @param <P> the plan; null is a plan too (e.g. "no plan, field by field")
 */
final class FieldPlans<P> {

	/** A variable the request left out (null is a value). */
	private static final Object LEFT_OUT = new Object() {

		@Override
		public String toString() {
			return "left out";
		}

	};

	private final Function<DataFetchingFieldSelectionSet, P> planner;

	/**
	 * By document, compared by identity (graphql-java's nodes do not compare by content).
	 */
	private final Cache<Document, Plans<P>> byDocument = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

	/**
	 * @param planner works a plan out of the field's selection
	 */
	FieldPlans(Function<DataFetchingFieldSelectionSet, P> planner) {
		this.planner = planner;
	}

	/**
	 * One document's plans: the variables used below each place of the field (its nodes
	 * in the document, several when the field is merged), and the plan by place and those
	 * variables' values (bounded: a cursor variable makes a new key per page).
	 */
	private record Plans<P>(Cache<List<Field>, List<String>> variables, Cache<Key, Optional<P>> plans) {

		Plans() {
			this(Caffeine.newBuilder().maximumSize(100).build(), Caffeine.newBuilder().maximumSize(1_000).build());
		}

	}

	/** A place and the values of the variables used below it, in the order listed. */
	private record Key(List<Field> place, List<Object> values) {
	}

	/** The plan for the field {@code environment} fetches. */
	P plan(DataFetchingEnvironment environment) {
		Document document = environment.getDocument();
		Plans<P> plans = this.byDocument.get(document, key -> new Plans<>());
		List<Field> place = environment.getMergedField().getFields();
		List<String> names = plans.variables().get(place, fields -> variablesBelow(document, fields));
		Map<String, Object> sent = environment.getVariables();
		List<Object> values = new ArrayList<>(names.size());
		for (String name : names) {
			values.add(sent.containsKey(name) ? sent.get(name) : LEFT_OUT);
		}
		return plans.plans()
			.get(new Key(place, values), key -> Optional.ofNullable(this.planner.apply(environment.getSelectionSet())))
			.orElse(null);
	}

	/** The variables the selections below {@code fields} in {@code document} use. */
	static List<String> variablesBelow(Document document, List<Field> fields) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		Set<String> names = new LinkedHashSet<>();
		Set<String> visited = new HashSet<>();
		for (Field field : fields) {
			collect(field.getSelectionSet(), fragments, visited, names);
		}
		return List.copyOf(names);
	}

	private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> visited,
			Set<String> names) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				field.getArguments().forEach(argument -> collect(argument.getValue(), names));
				collect(field.getDirectives(), names);
				collect(field.getSelectionSet(), fragments, visited, names);
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getDirectives(), names);
				collect(inline.getSelectionSet(), fragments, visited, names);
			}
			else if (selection instanceof FragmentSpread spread) {
				collect(spread.getDirectives(), names);
				FragmentDefinition fragment = fragments.get(spread.getName());
				// Validation refuses a fragment that spreads itself; each is read once.
				if (fragment != null && visited.add(spread.getName())) {
					collect(fragment.getDirectives(), names);
					collect(fragment.getSelectionSet(), fragments, visited, names);
				}
			}
		}
	}

	private static void collect(List<Directive> directives, Set<String> names) {
		directives
			.forEach(directive -> directive.getArguments().forEach(argument -> collect(argument.getValue(), names)));
	}

	private static void collect(Value<?> value, Set<String> names) {
		if (value instanceof VariableReference variable) {
			names.add(variable.getName());
		}
		else if (value instanceof ArrayValue array) {
			array.getValues().forEach(element -> collect(element, names));
		}
		else if (value instanceof ObjectValue object) {
			object.getObjectFields().forEach(field -> collect(field.getValue(), names));
		}
	}

}
