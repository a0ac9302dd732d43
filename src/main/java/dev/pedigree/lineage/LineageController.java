package dev.pedigree.lineage;

import dev.pedigree.common.Page;
import dev.pedigree.common.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;

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

	private static final String CHILDREN = "Model.children";

	private static final String ANCESTORS = "Model.ancestors";

	private static final String DESCENDANTS = "Model.descendants";

	private static final String ORGANIZATION_MODELS = "Organization.models";

	private static final String TRAINED_MODELS = "Dataset.trainedModels";

	/**
	 * Nested per-parent fields load for all parents of a level at once: the ones with
	 * arguments through argument-keyed loaders registered here, the others through
	 * {@code @BatchMapping}.
	 */
	LineageController(LineageQueries queries, LineageWrites writes, BatchLoaderRegistry loaders) {
		this.queries = queries;
		this.writes = writes;
		KeyedLoaders.<LineageQueries.ChildrenPage, Page<Derivation>>register(loaders, CHILDREN, this.queries::children);
		KeyedLoaders.register(loaders, DESCENDANTS, this.queries::descendants);
		KeyedLoaders.register(loaders, ORGANIZATION_MODELS, this.queries::organizationModels);
		KeyedLoaders.register(loaders, TRAINED_MODELS, this.queries::trainedModels);
		KeyedLoaders.<AncestorArguments, List<LineageEntry>>register(loaders, ANCESTORS,
				(ids, arguments) -> this.queries.ancestors(ids, arguments.maxDepth(), arguments.relations()));
	}

	/** Ancestors' arguments as a loader key: equal requests share a query. */
	private record AncestorArguments(Integer maxDepth, List<Relation> relations) {
	}

	/**
	 * Looks ahead: when the request selects the model's {@code ancestors} once, both come
	 * from one query and the ancestors travel to their field in the local context (one
	 * database round trip instead of two).
	 */
	@QueryMapping
	DataFetcherResult<ModelView> model(@Argument String id, DataFetchingFieldSelectionSet selection) {
		var ancestorFields = selection.getImmediateFields()
			.stream()
			.filter(f -> f.getName().equals("ancestors"))
			.toList();
		var arguments = ancestorFields.size() == 1 ? ancestorFields.get(0).getArguments() : Map.<String, Object>of();
		Integer maxDepth = (Integer) arguments.get("maxDepth");
		// Invalid arguments are left to the ancestors field itself, so the error keeps
		// its path.
		if (ancestorFields.size() == 1 && (maxDepth == null || maxDepth >= 1)) {
			List<Relation> relations = relations(arguments.get("relations"));
			var found = this.queries.modelWithAncestors(id, maxDepth, relations);
			return DataFetcherResult.<ModelView>newResult()
				.data(found == null ? null : found.model())
				.localContext(
						found == null ? null : new PrefetchedAncestors(id, maxDepth, relations, found.ancestors()))
				.build();
		}
		return DataFetcherResult.<ModelView>newResult().data(this.queries.model(id)).build();
	}

	/** Ancestors fetched together with their model, valid for exactly these arguments. */
	private record PrefetchedAncestors(String modelId, Integer maxDepth, List<Relation> relations,
			List<LineageEntry> entries) {

		boolean answers(String id, Integer depth, List<Relation> filter) {
			return this.modelId.equals(id) && java.util.Objects.equals(this.maxDepth, depth)
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
		return this.queries.models(filter, PageRequest.of(this.queries.limits(), first, after));
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
	List<Derivation> lineagePath(@Argument String from, @Argument String to) {
		return this.queries.lineagePath(from, to);
	}

	@MutationMapping
	ModelView registerModel(@Argument RegisterModelInput input) {
		return this.writes.registerModel(input);
	}

	@MutationMapping
	List<Derivation> recordDerivation(@Argument RecordDerivationInput input) {
		return this.writes.recordDerivation(input);
	}

	@BatchMapping(typeName = "Model")
	List<List<Derivation>> parents(List<ModelView> models) {
		var byModel = this.queries.parents(ids(models));
		return models.stream().map(m -> byModel.getOrDefault(m.id(), List.of())).toList();
	}

	/**
	 * Arguments are checked here, so that a bad one fails this field with its path; the
	 * page itself comes from the level's one query.
	 */
	@SchemaMapping(typeName = "Model")
	CompletableFuture<Page<Derivation>> children(ModelView model, @Argument Integer first, @Argument String after,
			@Argument DerivativeOrder orderBy, @Argument List<Relation> relations,
			DataFetchingEnvironment environment) {
		return KeyedLoaders.load(environment, CHILDREN, model.id(), new LineageQueries.ChildrenPage(
				page(first, after, environment), orderBy, relations == null ? null : List.copyOf(relations)));
	}

	/**
	 * A per-parent page's arguments, checked here so that a bad one fails its own field;
	 * the total is read only when selected.
	 */
	private LineageQueries.PerParentPage page(Integer first, String after, DataFetchingEnvironment environment) {
		return new LineageQueries.PerParentPage(PageRequest.of(this.queries.limits(), first, after),
				environment.getSelectionSet().contains("totalCount"));
	}

	@SchemaMapping(typeName = "Model")
	List<DerivativeGroup> childrenByRelation(ModelView model, @Argument Integer first,
			@Argument DerivativeOrder orderBy) {
		return this.queries.childrenByRelation(model.id(), first, orderBy);
	}

	@SchemaMapping(typeName = "Model")
	CompletableFuture<List<LineageEntry>> ancestors(ModelView model, @Argument Integer maxDepth,
			@Argument List<Relation> relations, DataFetchingEnvironment environment) {
		if (environment.getLocalContext() instanceof PrefetchedAncestors prefetched
				&& prefetched.answers(model.id(), maxDepth, relations)) {
			return CompletableFuture.completedFuture(prefetched.entries());
		}
		this.queries.limits().depth(maxDepth);
		var arguments = new AncestorArguments(maxDepth,
				relations == null || relations.isEmpty() ? null : List.copyOf(relations));
		return KeyedLoaders.<AncestorArguments, List<LineageEntry>>load(environment, ANCESTORS, model.id(), arguments)
			.thenApply(entries -> entries == null ? List.of() : entries);
	}

	@SchemaMapping(typeName = "Model")
	CompletableFuture<Page<LineageEntry>> descendants(ModelView model, @Argument Integer maxDepth,
			@Argument List<Relation> relations, @Argument Integer first, @Argument String after,
			@Argument DerivativeOrder orderBy, DataFetchingEnvironment environment) {
		var limits = this.queries.limits();
		var request = PageRequest.of(limits, first, after);
		var page = new LineageQueries.DescendantsPage(limits.depth(maxDepth).value(),
				relations == null || relations.isEmpty() ? null : List.copyOf(relations), request.offset(),
				request.size(), orderBy);
		return KeyedLoaders.load(environment, DESCENDANTS, model.id(), page);
	}

	@BatchMapping(typeName = "Model")
	List<List<ModelView>> foundations(List<ModelView> models) {
		var byModel = this.queries.foundations(ids(models));
		return models.stream().map(m -> byModel.getOrDefault(m.id(), List.of())).toList();
	}

	private static List<String> ids(List<ModelView> models) {
		return models.stream().map(ModelView::id).distinct().toList();
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

	@BatchMapping(typeName = "Derivation")
	List<ModelView> parent(List<Derivation> derivations) {
		return endpoints(derivations, Derivation::parentId);
	}

	@BatchMapping(typeName = "Derivation")
	List<ModelView> child(List<Derivation> derivations) {
		return endpoints(derivations, Derivation::childId);
	}

	private List<ModelView> endpoints(List<Derivation> derivations,
			java.util.function.Function<Derivation, String> end) {
		var byId = this.queries.models(
				derivations.stream().map(end).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
		List<ModelView> result = new ArrayList<>(derivations.size());
		for (Derivation d : derivations) {
			result.add(byId.get(end.apply(d)));
		}
		return result;
	}

}
