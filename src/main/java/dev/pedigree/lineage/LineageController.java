package dev.pedigree.lineage;

import dev.pedigree.common.Cursors;
import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.Page;
import dev.pedigree.common.PageRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class LineageController {

	private final LineageQueries queries;

	private final LineageWrites writes;

	private final PointInTimeLineage history;

	private static final String CHILDREN = "Model.children";

	private static final String ANCESTORS = "Model.ancestors";

	private static final String DESCENDANTS = "Model.descendants";

	private static final String PARENTS = "Model.parents";

	private static final String MODELS = ModelLoader.NAME;

	private static final String ORGANIZATION_MODELS = "Organization.models";

	private static final String TRAINED_MODELS = "Dataset.trainedModels";

	private static final String FOUNDATIONS = "Model.foundations";

	/** What a selection reads of a model that needs nothing of it but its id. */
	private static final StoredProperties.Names ONLY_ID = StoredProperties.Names.of(List.of("id"));

	private final FieldPlans<ModelPlan> modelPlans = new FieldPlans<>(this::plan);

	/**
	 * Nested per-parent fields load for all parents of a level at once: the ones with
	 * arguments through argument-keyed loaders registered here, the others through
	 * {@code @BatchMapping}.
	 */
	LineageController(LineageQueries queries, LineageWrites writes, PointInTimeLineage history,
			BatchLoaderRegistry loaders) {
		this.queries = queries;
		this.writes = writes;
		this.history = history;
		KeyedLoaders.<At<LineageQueries.ChildrenPage>, Page<Derivation>>register(loaders, CHILDREN,
				(ids, key) -> key.now() ? this.queries.children(ids, key.arguments())
						: perId(ids, id -> this.history.children(id, key.arguments(), key.at())));
		KeyedLoaders.<At<LineageQueries.DescendantsPage>, Page<LineageEntry>>register(loaders, DESCENDANTS,
				(ids, key) -> key.now() ? this.queries.descendants(ids, key.arguments())
						: perId(ids, id -> this.history.descendants(id, key.arguments(), key.at())));
		KeyedLoaders.<PointInTime, List<Derivation>>register(loaders, PARENTS,
				(ids, at) -> at.now() ? this.queries.parents(ids) : this.history.parents(ids, at));
		KeyedLoaders.<PointInTime, List<ModelView>>register(loaders, FOUNDATIONS,
				(ids, at) -> at.now() ? this.queries.foundations(ids) : this.history.foundations(ids, at));
		KeyedLoaders.register(loaders, ORGANIZATION_MODELS, this.queries::organizationModels);
		KeyedLoaders.register(loaders, TRAINED_MODELS, this.queries::trainedModels);
		KeyedLoaders.<At<AncestorArguments>, List<LineageEntry>>register(loaders, ANCESTORS, (ids, key) -> key.now()
				? this.queries.ancestors(ids, key.arguments().maxDepth(), key.arguments().relations())
				: this.history.ancestors(ids, key.arguments().maxDepth(), key.arguments().relations(), key.at()));
		// A derivation's ends: the parents and children of a level in one query.
		loaders.<String, ModelView>forName(MODELS)
			.registerMappedBatchLoader(
					(ids, environment) -> reactor.core.publisher.Mono.fromCallable(() -> this.queries.models(ids)));
	}

	/**
	 * A field's arguments and the point in time its model was read at: loads at different
	 * dates never share a query.
	 */
	private record At<A>(A arguments, PointInTime at) {

		boolean now() {
			return this.at.now();
		}

	}

	private static <V> Map<String, V> perId(List<String> ids, java.util.function.Function<String, V> load) {
		Map<String, V> byId = new LinkedHashMap<>();
		ids.forEach(id -> byId.put(id, load.apply(id)));
		return byId;
	}

	/**
	 * The point in time a model was read at: {@code model(asOf:)} (or another query that
	 * takes one) hands it down to every field below it in the local context; otherwise
	 * the graph as it is now.
	 */
	static PointInTime at(DataFetchingEnvironment environment) {
		return environment.getLocalContext() instanceof PointInTime at ? at : PointInTime.NOW;
	}

	/** Ancestors' arguments as a loader key: equal requests share a query. */
	private record AncestorArguments(Integer maxDepth, List<Relation> relations) {
	}

	/**
	 * Plans the request from its selection set: when the model's {@code ancestors},
	 * {@code parents} or {@code descendants} (without {@code truncated}) is selected once
	 * and alone among the three, the model and that field come from one statement, handed
	 * to the field in the local context (the parents' models in their derivations, for
	 * {@code Derivation.parent}: {@link DerivationParent}). The statement returns only
	 * the properties the selection reads ({@link Projection}). Any other shape takes the
	 * field-by-field path: one query per field and level. The plan is worked out once per
	 * document ({@link FieldPlans}).
	 */
	@QueryMapping
	DataFetcherResult<ModelView> model(@Argument String id, @Argument java.time.LocalDate asOf,
			@Argument Boolean includeUndated, DataFetchingEnvironment environment) {
		if (asOf != null) {
			return modelAt(id, PointInTime.of(asOf, includeUndated));
		}
		ModelPlan plan = this.modelPlans.plan(environment);
		ResultPath here = environment.getExecutionStepInfo().getPath();
		if (plan instanceof AncestorsPlan ancestors) {
			var found = this.queries.modelWithAncestors(id, ancestors.maxDepth(), ancestors.relations(),
					ancestors.projection());
			return result(found == null ? null : found.model(),
					found == null ? null : new PrefetchedAncestors(here.segment(ancestors.field()),
							ancestors.maxDepth(), ancestors.relations(), found.ancestors()));
		}
		if (plan instanceof ParentsPlan parents) {
			var found = this.queries.modelWithParents(id, parents.projection());
			return result(found == null ? null : found.model(),
					found == null ? null : new PrefetchedParents(here.segment(parents.field()), found.parents()));
		}
		if (plan instanceof DescendantsPlan descendants) {
			var found = this.queries.modelWithDescendants(id, descendants.page(), descendants.projection());
			return result(found == null ? null : found.model(),
					found == null ? null : new PrefetchedDescendants(here.segment(descendants.field()),
							descendants.page(), found.descendants()));
		}
		return result(this.queries.model(id), null);
	}

	/**
	 * How {@code model} is answered with one of its lineage fields: {@code field} is that
	 * field's result key. No plan: field by field.
	 */
	private sealed interface ModelPlan {

	}

	private record AncestorsPlan(String field, Integer maxDepth, List<Relation> relations,
			Projection projection) implements ModelPlan {
	}

	private record ParentsPlan(String field, Projection projection) implements ModelPlan {
	}

	private record DescendantsPlan(String field, LineageQueries.DescendantsPage page,
			Projection projection) implements ModelPlan {
	}

	/**
	 * The plan for a model with {@code selection}: one statement when {@code ancestors},
	 * {@code parents} or {@code descendants} (without {@code truncated}) is selected once
	 * and alone among the three with valid arguments (invalid ones are left to the field
	 * itself, so the error keeps its path); null otherwise.
	 */
	private ModelPlan plan(DataFetchingFieldSelectionSet selection) {
		var immediate = selection.getImmediateFields();
		var ancestorFields = named(immediate, "ancestors");
		var parentFields = named(immediate, "parents");
		var descendantFields = named(immediate, "descendants");
		if (ancestorFields.size() + parentFields.size() + descendantFields.size() != 1) {
			return null;
		}
		if (ancestorFields.size() == 1) {
			var arguments = ancestorFields.get(0).getArguments();
			Integer maxDepth = (Integer) arguments.get("maxDepth");
			return maxDepth == null || maxDepth >= 1 ? new AncestorsPlan(ancestorFields.get(0).getResultKey(), maxDepth,
					relations(arguments.get("relations")),
					Projection.ofEntries(immediate, Projection.below(ancestorFields, "ancestors"))) : null;
		}
		if (parentFields.size() == 1) {
			return new ParentsPlan(parentFields.get(0).getResultKey(),
					Projection.ofParents(immediate, Projection.below(parentFields, "parents")));
		}
		var page = plannedDescendants(descendantFields.get(0));
		return page == null ? null : new DescendantsPlan(descendantFields.get(0).getResultKey(), page,
				Projection.ofEntries(immediate, Projection
					.below(Projection.below(Projection.below(descendantFields, "descendants"), "edges"), "node")));
	}

	/**
	 * The model as the graph stood at {@code at}: a model released later (or undated,
	 * when undated models are left out) did not exist then — null with NOT_FOUND naming
	 * its release date. Every field below reads the graph at the same point in time.
	 */
	private DataFetcherResult<ModelView> modelAt(String id, PointInTime at) {
		ModelView model = this.queries.model(id);
		if (model != null) {
			at.requireExists(model);
		}
		return DataFetcherResult.<ModelView>newResult().data(model).localContext(at).build();
	}

	/** What an as-of read of this model describes; null when read as the graph is now. */
	@SchemaMapping(typeName = "Model")
	PointInTimeLineage.Note pointInTime(ModelView model, DataFetchingEnvironment environment) {
		return this.history.note(model.id(), at(environment));
	}

	private static List<SelectedField> named(List<SelectedField> fields, String name) {
		return fields.stream().filter(f -> f.getName().equals(name)).toList();
	}

	private static DataFetcherResult<ModelView> result(ModelView model, Object prefetched) {
		return DataFetcherResult.<ModelView>newResult().data(model).localContext(prefetched).build();
	}

	/**
	 * The page a {@code descendants} selection asks for when one statement can answer it
	 * with its model (the field's own page, see {@link #descendants}); null for
	 * {@code truncated} or invalid arguments (left to the field, so the error keeps its
	 * path).
	 */
	private LineageQueries.DescendantsPage plannedDescendants(SelectedField field) {
		if (selects(field.getSelectionSet(), "truncated")) {
			return null;
		}
		try {
			return descendantsPage(field.getArguments());
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	/**
	 * The page a {@code descendants} field asks for with {@code arguments} (as GraphQL
	 * Java coerced them: enum values by name); an invalid one throws the field's error.
	 * Read here rather than bound by Spring's argument binder, which showed in the
	 * statement path's profile for a field that usually hands a prefetched page on.
	 */
	private LineageQueries.DescendantsPage descendantsPage(Map<String, Object> arguments) {
		var limits = this.queries.limits();
		var after = (String) arguments.get("after");
		var request = PageRequest.of(limits, (Integer) arguments.get("first"), after);
		var relations = relations(arguments.get("relations"));
		var orderBy = arguments.get("orderBy");
		return new LineageQueries.DescendantsPage(limits.depth((Integer) arguments.get("maxDepth")).value(),
				relations == null || relations.isEmpty() ? null : List.copyOf(relations), request.offset(),
				request.size(), orderBy == null ? null : orderBy instanceof DerivativeOrder order ? order
						: DerivativeOrder.valueOf(orderBy.toString()),
				Cursors.keyAt(after));
	}

	/*
	 * A prefetched answer holds only the properties its own place in the request selects,
	 * and graphql-java hands a local context down to every field below: each answer is
	 * therefore used only by the field at its result path (the same model met deeper,
	 * e.g. as a derivation's child, is read again).
	 */

	/**
	 * Parents fetched together with their model, each derivation with its parent's model
	 * (with the properties this selection reads, so they serve only the derivations this
	 * field lists); {@code field} is the result path of the planned {@code parents}
	 * field.
	 */
	private record PrefetchedParents(ResultPath field, List<Derivation> parents) {
	}

	/**
	 * A descendants page fetched together with its model, valid for exactly this page at
	 * {@code field}.
	 */
	private record PrefetchedDescendants(ResultPath field, LineageQueries.DescendantsPage request,
			Page<LineageEntry> page) {
	}

	/**
	 * Ancestors fetched together with their model, valid for exactly these arguments at
	 * {@code field}.
	 */
	private record PrefetchedAncestors(ResultPath field, Integer maxDepth, List<Relation> relations,
			List<LineageEntry> entries) {

		boolean answers(ResultPath at, Integer depth, List<Relation> filter) {
			return this.field.equals(at) && java.util.Objects.equals(this.maxDepth, depth)
					&& java.util.Objects.equals(this.relations, filter);
		}

	}

	private static List<Relation> relations(Object argument) {
		if (!(argument instanceof List<?> values)) {
			return null;
		}
		return values.stream().map(v -> v instanceof Relation r ? r : Relation.valueOf(v.toString())).toList();
	}

	@QueryMapping
	Page<ModelView> models(@Argument ModelFilter filter, @Argument Integer first, @Argument String after) {
		return this.queries.models(filter, first, after);
	}

	@QueryMapping
	TrainingSet.Dataset dataset(@Argument String id) {
		return this.queries.dataset(id);
	}

	@SchemaMapping(typeName = "Dataset")
	CompletableFuture<Page<ModelView>> trainedModels(TrainingSet.Dataset dataset, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return KeyedLoaders.load(environment, TRAINED_MODELS, dataset.id(), page(first, after, environment));
	}

	@QueryMapping
	OrganizationView organization(@Argument String id) {
		return this.queries.organization(id);
	}

	@QueryMapping
	List<Derivation> lineagePath(@Argument String from, @Argument String to, @Argument java.time.LocalDate asOf,
			@Argument Boolean includeUndated) {
		PointInTime at = PointInTime.of(asOf, includeUndated);
		// Null means "not an ancestor", so an id that names no model is said to be
		// unknown instead; either end may be typed in another case or as an alias, as
		// model(id) takes it.
		String descendant = storedId(from, "from");
		String ancestor = storedId(to, "to");
		return at.now() ? this.queries.lineagePath(descendant, ancestor)
				: this.history.lineagePath(descendant, ancestor, at);
	}

	private String storedId(String id, String field) {
		ModelView model = this.queries.model(id);
		if (model == null) {
			throw new dev.pedigree.common.NotFoundException(field,
					"No model with id '" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'");
		}
		return model.id();
	}

	@MutationMapping
	ModelView registerModel(@Argument RegisterModelInput input) {
		return this.writes.registerModel(input);
	}

	@MutationMapping
	List<Derivation> recordDerivation(@Argument RecordDerivationInput input) {
		return this.writes.recordDerivation(input);
	}

	@SchemaMapping(typeName = "Model")
	CompletableFuture<List<Derivation>> parents(ModelView model, DataFetchingEnvironment environment) {
		if (environment.getLocalContext() instanceof PrefetchedParents prefetched
				&& prefetched.field().equals(environment.getExecutionStepInfo().getPath())) {
			return CompletableFuture.completedFuture(prefetched.parents());
		}
		return KeyedLoaders.<PointInTime, List<Derivation>>load(environment, PARENTS, model.id(), at(environment))
			.thenApply(parents -> parents == null ? List.of() : parents);
	}

	/**
	 * Arguments are checked here, so that a bad one fails this field with its path; the
	 * page itself comes from the level's one query.
	 */
	@SchemaMapping(typeName = "Model")
	CompletableFuture<Page<Derivation>> children(ModelView model, @Argument Integer first, @Argument String after,
			@Argument DerivativeOrder orderBy, @Argument List<Relation> relations,
			DataFetchingEnvironment environment) {
		return KeyedLoaders.load(environment, CHILDREN, model.id(),
				new At<>(new LineageQueries.ChildrenPage(page(first, after, environment), orderBy,
						relations == null ? null : List.copyOf(relations)), at(environment)));
	}

	/**
	 * A per-parent page's arguments, checked here so that a bad one fails its own field;
	 * the total is read only when selected.
	 */
	private LineageQueries.PerParentPage page(Integer first, String after, DataFetchingEnvironment environment) {
		return new LineageQueries.PerParentPage(PageRequest.of(this.queries.limits(), first, after),
				selects(environment.getSelectionSet(), "totalCount"), Cursors.keyAt(after));
	}

	/**
	 * Whether {@code selection} selects the field {@code name} directly: the selection
	 * set's own {@code contains} compiles a glob pattern on every call.
	 */
	static boolean selects(graphql.schema.DataFetchingFieldSelectionSet selection, String name) {
		for (SelectedField field : selection.getImmediateFields()) {
			if (field.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

	@SchemaMapping(typeName = "Model")
	List<DerivativeGroup> childrenByRelation(ModelView model, @Argument Integer first,
			@Argument DerivativeOrder orderBy, DataFetchingEnvironment environment) {
		PointInTime at = at(environment);
		return at.now() ? this.queries.childrenByRelation(model.id(), first, orderBy)
				: this.history.childrenByRelation(model.id(), first, orderBy, at);
	}

	/**
	 * Arguments read as GraphQL Java coerced them (as the plan reads them), not bound by
	 * Spring's argument binder: the field usually hands a prefetched answer on.
	 */
	@SchemaMapping(typeName = "Model")
	CompletableFuture<List<LineageEntry>> ancestors(ModelView model, DataFetchingEnvironment environment) {
		Integer maxDepth = environment.getArgument("maxDepth");
		List<Relation> relations = relations(environment.getArgument("relations"));
		if (environment.getLocalContext() instanceof PrefetchedAncestors prefetched
				&& prefetched.answers(environment.getExecutionStepInfo().getPath(), maxDepth, relations)) {
			return CompletableFuture.completedFuture(prefetched.entries());
		}
		this.queries.limits().depth(maxDepth);
		var arguments = new AncestorArguments(maxDepth,
				relations == null || relations.isEmpty() ? null : List.copyOf(relations));
		return KeyedLoaders
			.<At<AncestorArguments>, List<LineageEntry>>load(environment, ANCESTORS, model.id(),
					new At<>(arguments, at(environment)))
			.thenApply(entries -> entries == null ? List.of() : entries);
	}

	@SchemaMapping(typeName = "Model")
	CompletableFuture<Page<LineageEntry>> descendants(ModelView model, DataFetchingEnvironment environment) {
		var page = descendantsPage(environment.getArguments());
		if (environment.getLocalContext() instanceof PrefetchedDescendants prefetched
				&& prefetched.field().equals(environment.getExecutionStepInfo().getPath())
				&& prefetched.request().equals(page)) {
			return CompletableFuture.completedFuture(prefetched.page());
		}
		return KeyedLoaders.load(environment, DESCENDANTS, model.id(), new At<>(page, at(environment)));
	}

	@SchemaMapping(typeName = "Model")
	CompletableFuture<List<ModelView>> foundations(ModelView model, DataFetchingEnvironment environment) {
		return KeyedLoaders.<PointInTime, List<ModelView>>load(environment, FOUNDATIONS, model.id(), at(environment))
			.thenApply(roots -> roots == null ? List.of() : roots);
	}

	@BatchMapping(typeName = "Model")
	Map<ModelView, OrganizationView> developer(List<ModelView> models) {
		var organizations = this.queries.organizations(models.stream()
			.map(ModelView::developerId)
			.filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
		Map<ModelView, OrganizationView> result = new LinkedHashMap<>();
		for (ModelView model : models) {
			if (model.developerId() != null && organizations.containsKey(model.developerId())) {
				result.put(model, organizations.get(model.developerId()));
			}
		}
		return result;
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<Page<ModelView>> models(OrganizationView organization, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return KeyedLoaders.load(environment, ORGANIZATION_MODELS, organization.id(), page(first, after, environment));
	}

	@BatchMapping(typeName = "Model")
	List<List<TrainingSet>> trainedOn(List<ModelView> models) {
		var byModel = this.queries.trainingSets(models.stream()
			.map(ModelView::id)
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
		return models.stream().map(m -> byModel.getOrDefault(m.id(), List.of())).toList();
	}

	/**
	 * The child model, loaded with the level's other ends in one query; for a derivation
	 * a page of a model's children lists, when the selection reads nothing of the child
	 * but its id, that id alone.
	 */
	@SchemaMapping(typeName = "Derivation")
	CompletableFuture<ModelView> child(Derivation derivation, DataFetchingEnvironment environment) {
		if (listedByChildren(environment)
				&& Projection.ofModel(environment.getSelectionSet().getImmediateFields()).equals(ONLY_ID)) {
			return CompletableFuture.completedFuture(ModelView.ofId(derivation.childId()));
		}
		return environment.<String, ModelView>getDataLoader(MODELS).load(derivation.childId());
	}

	/**
	 * Whether the derivation was listed by a model's {@code children} connection: every
	 * statement behind one matches the child as a {@code :Model} node, placeholders
	 * included, and returns its stored id, as of now or of a date, so the child exists
	 * under that id and need not be read again for it (issue 12: a later page of children
	 * read its 20 models for {@code child { id }}). Any other derivation (a relation
	 * group's, whose groups a large hub keeps for up to the family cache's TTL across a
	 * deletion by another instance; a model's parents, a lineage path, a descendant's
	 * {@code via}, a history entry) loads its child.
	 */
	private static boolean listedByChildren(DataFetchingEnvironment environment) {
		for (ExecutionStepInfo step = environment.getExecutionStepInfo().getParent(); step != null; step = step
			.getParent()) {
			String container = step.getObjectType() == null ? "" : step.getObjectType().getName();
			if (!container.equals("DerivationEdge") && !container.equals("DerivationConnection")) {
				return container.equals("Model") && step.getFieldDefinition().getName().equals("children")
						&& GraphQLTypeUtil.unwrapAll(step.getType()).getName().equals("DerivationConnection");
			}
		}
		return false;
	}

}
