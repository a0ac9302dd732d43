package dev.pedigree.lineage;

import dev.pedigree.common.Cursors;
import dev.pedigree.common.Limits;
import dev.pedigree.common.Page;
import dev.pedigree.common.PageRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Reads of the lineage graph: one parameterised Cypher traversal per question, never a
 * Java loop of single hops.
 */
@Service
public class LineageQueries {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	private final FamilyIndex families;

	private final ModelSearch search;

	private final KeptAnswers kept;

	LineageQueries(Graph graph, CypherQueries cypher, Limits limits, FamilyIndex families, ModelSearch search,
			KeptAnswers kept) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
		this.families = families;
		this.search = search;
		this.kept = kept;
	}

	public Limits limits() {
		return this.limits;
	}

	public ModelView model(String id) {
		var found = models(List.of(id));
		if (found.containsKey(id)) {
			return found.get(id);
		}
		String canonical = resolveModelId(id);
		return canonical == null ? null : models(List.of(canonical)).get(canonical);
	}

	/**
	 * The stored id for an id typed in another case (the Hub resolves ids
	 * case-insensitively) or for one of the model's aliases; null when none, or when the
	 * name is ambiguous (two models answer to it and neither by its id). Only asked after
	 * an exact lookup missed, so the common path stays one query.
	 */
	public String resolveModelId(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		var rows = this.graph.read(this.cypher.get("lineage/resolve-model-id"), Map.of("id", id), r -> r);
		if (rows.isEmpty()) {
			return null;
		}
		boolean firstById = rows.get(0).get("byId").asBoolean();
		if (rows.size() > 1 && !firstById) {
			return null;
		}
		return rows.get(0).get("id").asString();
	}

	/** An organisation by its id, in any case, or by any of its aliases. */
	public OrganizationView organization(String id) {
		var exact = organizations(List.of(id)).get(id);
		if (exact != null) {
			return exact;
		}
		var rows = this.graph.read(this.cypher.get("lineage/resolve-organization"), Map.of("id", id), r -> r);
		if (rows.isEmpty() || (rows.size() > 1 && !rows.get(0).get("byId").asBoolean())) {
			return null;
		}
		return OrganizationView.from(rows.get(0).get("organization").asNode());
	}

	public Map<String, ModelView> models(Collection<String> ids) {
		Map<String, ModelView> byId = new LinkedHashMap<>();
		this.graph
			.read(this.cypher.get("lineage/models-by-id"), Map.of("ids", List.copyOf(ids)),
					r -> ModelView.from(r.get("model").asNode()))
			.forEach(m -> byId.put(m.id(), m));
		return byId;
	}

	public Map<String, OrganizationView> organizations(Collection<String> ids) {
		Map<String, OrganizationView> byId = new LinkedHashMap<>();
		this.graph
			.read(this.cypher.get("lineage/organizations-by-id"), Map.of("ids", List.copyOf(ids)),
					r -> OrganizationView.from(r.get("organization").asNode()))
			.forEach(o -> byId.put(o.id(), o));
		return byId;
	}

	/**
	 * Training sets of each model, in dataset id order; a model without any maps to an
	 * empty list.
	 */
	public Map<String, List<TrainingSet>> trainingSets(Collection<String> ids) {
		Map<String, List<TrainingSet>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, new java.util.ArrayList<>()));
		this.graph.read(this.cypher.get("lineage/training-sets"), Map.of("ids", List.copyOf(ids)), r -> r)
			.forEach(r -> byModel.get(r.get("modelId").asString())
				.add(new TrainingSet(TrainingSet.Dataset.from(r.get("dataset").asNode()),
						ModelView.string(r.get("source"), null))));
		return byModel;
	}

	public TrainingSet.Dataset dataset(String id) {
		return this.graph
			.read(this.cypher.get("lineage/datasets-by-id"), Map.of("ids", List.of(id)),
					r -> TrainingSet.Dataset.from(r.get("dataset").asNode()))
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * Direct bases of each model, by parent id; a model without any maps to an empty
	 * list.
	 */
	public Map<String, List<Derivation>> parents(Collection<String> ids) {
		Map<String, List<Derivation>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, new java.util.ArrayList<>()));
		this.graph.read(this.cypher.get("lineage/parents"), Map.of("ids", List.copyOf(ids)), LineageQueries::derivation)
			.forEach(d -> byModel.get(d.childId()).add(d));
		return byModel;
	}

	/**
	 * Which page of a per-parent connection ({@code children}, an organisation's
	 * {@code models}, a dataset's {@code trainedModels}) to read, and whether the client
	 * selected the total.
	 */
	public record PerParentPage(PageRequest page, boolean withTotal, String afterKey) {

		public PerParentPage(PageRequest page, boolean withTotal) {
			this(page, withTotal, null);
		}

	}

	/**
	 * The same page of direct derivatives of each model, in one query; totals only when
	 * asked for. An unknown id has no entry.
	 */
	public Map<String, Page<Derivation>> children(List<String> ids, PerParentPage page) {
		return pages("lineage/children-pages", ids, page,
				(id, row) -> Derivation.from(row.get("via").asRelationship(), row.get("childId").asString(), id),
				Derivation::childId);
	}

	/**
	 * Which page of children, in which order (null or ID = by child id) and of which
	 * relations (null = every relation).
	 */
	public record ChildrenPage(PerParentPage page, DerivativeOrder orderBy, List<Relation> relations) {

		public ChildrenPage {
			// A filter is a set, as descendants' is: one kept order per set of relations.
			relations = relations == null || relations.isEmpty() ? null
					: relations.stream().distinct().sorted().toList();
		}

		boolean byIdOnly() {
			return (this.orderBy == null || this.orderBy == DerivativeOrder.ID)
					&& (this.relations == null || this.relations.isEmpty());
		}

	}

	/**
	 * The same page of each model's direct derivatives: by child id, for the whole level
	 * in one query; in another order or filtered by relation (the explorer's relation
	 * groups, one model at a time), per model.
	 */
	public Map<String, Page<Derivation>> children(List<String> ids, ChildrenPage request) {
		if (request.byIdOnly()) {
			return children(ids, request.page());
		}
		Map<String, Page<Derivation>> byId = new LinkedHashMap<>();
		ids.forEach(id -> byId.put(id, children(id, request)));
		return byId;
	}

	private Page<Derivation> children(String id, ChildrenPage request) {
		Map<String, Object> params = traversal(id, request.relations());
		params.put("orderBy", request.orderBy() == null ? null : request.orderBy().name());
		if (request.orderBy() != null && request.orderBy() != DerivativeOrder.ID) {
			return orderedChildren(id, request, params);
		}
		Map<String, Object> pageParams = new HashMap<>(params);
		pageParams.put("offset", request.page().page().offset());
		pageParams.put("limit", request.page().page().size() + 1);
		var rows = this.graph.read(this.cypher.get("lineage/children-page"), pageParams, LineageQueries::derivation);
		return Page.of(rows, request.page().page(),
				SingletonSupplier.of(() -> this.graph.total(this.cypher.get("lineage/children-count"), params)),
				() -> false);
	}

	/**
	 * Children in a non-default order: the whole order (child ids) is read once and, for
	 * hubs of 1,000 children or more, kept like a large family's order; each page then
	 * reads only its own derivations.
	 */
	private Page<Derivation> orderedChildren(String id, ChildrenPage request, Map<String, Object> params) {
		int size = request.page().page().size();
		long offset = request.page().page().offset();
		var key = FamilyIndex.Key.children(id,
				request.relations() == null ? List.of() : List.copyOf(request.relations()), request.orderBy());
		var order = this.families.orders(List.of(key), this.cypher.get("lineage/children-order"), params).get(key);
		int from = (int) Math.min(offset, order.size());
		int to = (int) Math.min(order.size(), from + (long) size + 1);
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = from; i < to; i++) {
			rows.add(Map.of("i", i, "id", order.ids().get(i)));
		}
		var page = rows.isEmpty() ? List.<Derivation>of() : this.graph.read(this.cypher.get("lineage/children-by-id"),
				Map.of("id", id, "rows", rows), LineageQueries::derivation);
		return Page.of(page, request.page().page(), order::size, () -> false);
	}

	/**
	 * Direct derivatives grouped by relation, largest group first, each with its first
	 * page in {@code orderBy}: one query for what the Hub's model tree shows. A group's
	 * cursors are positions in the same order as
	 * {@code children(relations: [relation], orderBy)}, so paging goes on there.
	 */
	public List<DerivativeGroup> childrenByRelation(String id, Integer first, DerivativeOrder orderBy) {
		int size = this.limits.pageSize(first);
		DerivativeOrder order = orderBy == null ? DerivativeOrder.DOWNLOADS : orderBy;
		// A hub with thousands of children is sorted whole for its first pages: kept like
		// the order of a large family.
		return this.families.memo(new GroupsKey(id, size, order), id, FamilyIndex.Depends.MODELS,
				() -> readChildrenByRelation(id, size, order),
				groups -> groups.stream().mapToInt(DerivativeGroup::count).sum() >= FamilyIndex.MIN_CACHED);
	}

	private record GroupsKey(String id, int size, DerivativeOrder orderBy) {
	}

	private List<DerivativeGroup> readChildrenByRelation(String id, int size, DerivativeOrder orderBy) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("orderBy", orderBy.name());
		params.put("limit", size + 1);
		return this.graph.read(this.cypher.get("lineage/children-by-relation"), params, r -> {
			String parentId = r.get("parentId").asString();
			int count = r.get("count").asInt();
			List<Derivation> page = r.get("page")
				.asList(m -> Derivation.from(m.get("via").asRelationship(), m.get("childId").asString(), parentId));
			Relation relation = Relation.fromSource(ModelView.string(r.get("relation"), "OTHER"));
			return new DerivativeGroup(relation == null ? Relation.OTHER : relation, count,
					Page.of(page, new PageRequest(0, size), () -> count, () -> false));
		});
	}

	/** The same page of the models each organisation developed, in one query. */
	public Map<String, Page<ModelView>> organizationModels(List<String> ids, PerParentPage page) {
		return pages("lineage/organization-models-pages", ids, page, (id, row) -> ModelView.from(row.asNode()));
	}

	/** The same page of the models trained on each dataset, in one query. */
	public Map<String, Page<ModelView>> trainedModels(List<String> ids, PerParentPage page) {
		return pages("lineage/trained-models-pages", ids, page, (id, row) -> ModelView.from(row.asNode()));
	}

	/**
	 * Runs a query that answers, per id of {@code $ids}, the list {@code rows} of one
	 * page (plus one row, which tells whether more follow) and, when {@code $withTotal},
	 * the {@code total}.
	 */
	private <T> Map<String, Page<T>> pages(String query, List<String> ids, PerParentPage page,
			BiFunction<String, Value, T> row) {
		return pages(query, ids, page, row, null);
	}

	/**
	 * @param key an item's id in the list's order (null: the list is paged by position):
	 * its cursors carry it, and a page after one starts after that id, so a write between
	 * two pages neither repeats nor skips an item ({@code $afterId})
	 */
	private <T> Map<String, Page<T>> pages(String query, List<String> ids, PerParentPage page,
			BiFunction<String, Value, T> row, java.util.function.Function<T, String> key) {
		boolean keyset = key != null && page.afterKey() != null;
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		params.put("offset", keyset ? 0L : page.page().offset());
		params.put("limit", page.page().size() + 1);
		params.put("withTotal", page.withTotal());
		params.put("afterId", keyset ? page.afterKey() : null);
		Map<String, Page<T>> byId = new LinkedHashMap<>();
		for (Record r : this.graph.read(this.cypher.get(query), params)) {
			String id = r.get("id").asString();
			List<T> rows = r.get("rows").asList(v -> row.apply(id, v));
			Integer total = r.get("total").isNull() ? null : r.get("total").asInt();
			var read = Page.of(rows, page.page(),
					total != null ? () -> total : SingletonSupplier.of(() -> total(query, id)), () -> false);
			byId.put(id, key == null ? read : keyed(read, key));
		}
		return byId;
	}

	/** A page whose cursors carry each item's key as well as its position. */
	private static <T> Page<T> keyed(Page<T> page, java.util.function.Function<T, String> key) {
		List<String> cursors = new java.util.ArrayList<>(page.items().size());
		for (int i = 0; i < page.items().size(); i++) {
			cursors.add(Cursors.of(page.offset() + i, key.apply(page.items().get(i))));
		}
		return new Page<>(page.items(), page.offset(), page.hasNext(), page.total(), page.truncated(), cursors,
				page.hasPrevious());
	}

	/** A total the page's query was not asked for (the selection did not show it). */
	private int total(String query, String id) {
		Map<String, Object> params = new HashMap<>(
				Map.of("ids", List.of(id), "offset", 0L, "limit", 0, "withTotal", true));
		params.put("afterId", null);
		return this.graph.read(this.cypher.get(query), params, r -> r.get("total").asInt())
			.stream()
			.findFirst()
			.orElse(0);
	}

	/**
	 * The ancestors of each model (as {@link #modelWithAncestors} finds them), in one
	 * query.
	 */
	public Map<String, List<LineageEntry>> ancestors(List<String> ids, Integer maxDepth, List<Relation> relations) {
		Map<String, Object> params = traversal(null, relations);
		params.put("ids", ids);
		Map<String, List<LineageEntry>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, new java.util.ArrayList<>()));
		this.graph.read(bounded("lineage/ancestors-of-many", this.limits.depth(maxDepth)), params, r -> r)
			.forEach(r -> byModel.get(r.get("id").asString())
				.add(entry(r, r.get("childId").asString(), r.get("parentId").asString())));
		return byModel;
	}

	/** A model with its ancestors already resolved, from one query. */
	public record ModelWithAncestors(ModelView model, List<LineageEntry> ancestors) {
	}

	/**
	 * {@link #model} and {@link #ancestors} in one round trip, with the properties
	 * {@code projection} names (a kept answer serves only the same projection); null when
	 * there is no such model. Without derivations to read ({@link Projection#readsVia}),
	 * the entries have none.
	 */
	ModelWithAncestors modelWithAncestors(String id, Integer maxDepth, List<Relation> relations,
			Projection projection) {
		return this.kept.get(new AncestorsKey(id, maxDepth, relations, projection),
				() -> readModelWithAncestors(id, maxDepth, relations, projection), found -> readFrom(id, found.model(),
						found.ancestors().stream().map(LineageEntry::model).map(ModelView::id).toList()));
	}

	private record AncestorsKey(String id, Integer maxDepth, List<Relation> relations, Projection projection) {
	}

	private record ParentsKey(String id, Projection projection) {
	}

	/** The requested id, the model it named and the models an answer lists. */
	private static Set<String> readFrom(String id, ModelView model, List<String> listed) {
		Set<String> ids = new HashSet<>(listed);
		ids.add(id);
		ids.add(model.id());
		return ids;
	}

	private ModelWithAncestors readModelWithAncestors(String id, Integer maxDepth, List<Relation> relations,
			Projection projection) {
		Map<String, Object> params = traversal(id, relations);
		projection.addTo(params);
		// Without derivations to read or a relations filter, the depths come from a
		// cheaper traversal than shortest paths.
		boolean depthsOnly = !projection.readsVia() && (relations == null || relations.isEmpty());
		var rows = this.graph.read(
				bounded(depthsOnly ? "lineage/ancestors-depths" : "lineage/ancestors", this.limits.depth(maxDepth)),
				params, r -> r);
		if (rows.isEmpty()) {
			String canonical = resolveModelId(id);
			return canonical == null || canonical.equals(id) ? null
					: readModelWithAncestors(canonical, maxDepth, relations, projection);
		}
		List<LineageEntry> ancestors = rows.stream()
			.filter(r -> !r.get("parentId").isNull())
			.map(r -> new LineageEntry(ModelView.from(projection.models().read(r.get("model"))), r.get("depth").asInt(),
					depthsOnly ? null
							: Derivation.from(projection.via().read(r.get("via")), r.get("childId").asString(),
									r.get("parentId").asString())))
			.toList();
		return new ModelWithAncestors(ModelView.from(projection.root().read(rows.get(0).get("root"))), ancestors);
	}

	/**
	 * A model with its direct bases, each with its parent's model (with the properties
	 * the request's selection reads), from one query.
	 */
	public record ModelWithParents(ModelView model, List<Derivation> parents) {
	}

	/**
	 * {@link #model}, {@link #parents} and the parents' models in one round trip; null
	 * when there is no such model.
	 */
	ModelWithParents modelWithParents(String id, Projection projection) {
		return this.kept.get(new ParentsKey(id, projection), () -> readModelWithParents(id, projection),
				found -> readFrom(id, found.model(), found.parents().stream().map(Derivation::parentId).toList()));
	}

	private ModelWithParents readModelWithParents(String id, Projection projection) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		projection.addTo(params);
		var rows = this.graph.read(this.cypher.get("lineage/model-with-parents"), params, r -> r);
		if (rows.isEmpty()) {
			String canonical = resolveModelId(id);
			return canonical == null || canonical.equals(id) ? null : readModelWithParents(canonical, projection);
		}
		ModelView model = ModelView.from(projection.root().read(rows.get(0).get("model")));
		List<Derivation> parents = new java.util.ArrayList<>();
		for (Record r : rows) {
			if (!r.get("parentId").isNull()) {
				String parentId = r.get("parentId").asString();
				parents.add(Derivation.from(projection.via().read(r.get("via")), model.id(), parentId)
					.withPrefetchedParent(ModelView.from(projection.models().read(r.get("parent")))));
			}
		}
		return new ModelWithParents(model, List.copyOf(parents));
	}

	/** A model with one page of its descendants. */
	public record ModelWithDescendants(ModelView model, Page<LineageEntry> descendants, Set<String> members) {

		ModelWithDescendants(ModelView model, Page<LineageEntry> descendants) {
			this(model, descendants, null);
		}

	}

	private record DescendantsKey(String id, DescendantsPage page, Projection projection) {
	}

	/**
	 * {@link #model} and one page of {@link #descendants} without {@code truncated}: one
	 * traversal counts the family and reads the page in the same statement (and hands a
	 * large family's whole order to the family index); a family whose order is already
	 * kept is paged from it; in the default order without a relations filter, a hub (its
	 * direct derivatives fill the page and its family is large) has its first level
	 * walked from the cursor's (depth, id) instead ({@link #walk}), so its first page
	 * does not order the whole family, and is ordered once for pages past that level (a
	 * filtered family, or one in another order, is ordered whole, as by the field). In
	 * the default order every path places a page after the entry its cursor names, as the
	 * field does. Without derivations to read ({@link Projection#readsVia}), the page's
	 * entries have none. Null when there is no such model.
	 */
	ModelWithDescendants modelWithDescendants(String id, DescendantsPage page, Projection projection) {
		// A small family is kept with its members (any write linking or describing one
		// drops it); a large one's order is kept by the family index, a hub is walked.
		return this.kept.get(new DescendantsKey(id, page, projection),
				() -> readModelWithDescendants(id, page, projection),
				found -> found.members() == null ? null : readFrom(id, found.model(), List.copyOf(found.members())));
	}

	/**
	 * Reads what {@link #modelWithDescendants} answers: the model and a small family's
	 * page with the properties {@code projection} names, a kept order's or a walked page
	 * whole.
	 */
	private ModelWithDescendants readModelWithDescendants(String id, DescendantsPage page, Projection projection) {
		List<Relation> relations = page.relations() == null ? List.of() : List.copyOf(page.relations());
		boolean plain = relations.isEmpty() && page.orderBy() == null;
		var kept = this.families.kept(new FamilyIndex.Key(id, page.maxDepth(), relations, page.orderBy()));
		if (kept != null) {
			ModelView model = model(id);
			return model == null ? null : new ModelWithDescendants(model, ordered(id, page));
		}
		long version = this.graph.version();
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("offset", page.offset());
		params.put("limit", page.size() + 1);
		FamilyKey after = page.after();
		params.put("afterDepth", after == null ? null : after.depth());
		params.putAll(CodePointOrder.after(after == null ? null : after.id()));
		params.put("keepFrom", FamilyIndex.MIN_CACHED);
		params.put("walkFrom", page.size() + 1);
		params.put("relations", relations.isEmpty() ? null : relations.stream().map(Relation::name).toList());
		params.put("orderBy", page.orderBy() == null ? null : page.orderBy().name());
		params.put("keepMembers", this.kept.keeping());
		projection.addTo(params);
		// A relations filter or another order orders the family whole, as the family
		// index does for the field (no hub rule). Without derivations to read, the
		// members' depths come from a cheaper traversal than their shortest paths.
		String query = !relations.isEmpty() ? "lineage/model-with-descendants-filtered" : !plain
				? "lineage/model-with-descendants-ordered"
				: projection.readsVia() ? "lineage/model-with-descendants" : "lineage/model-with-descendants-depths";
		// The family's budget: a large family's order read here is kept for later pages,
		// as when the family index orders it.
		var rows = this.graph.read(bounded(query, new Limits.Depth(page.maxDepth(), false)), params, r -> r,
				this.families.budget());
		if (rows.isEmpty()) {
			String canonical = resolveModelId(id);
			return canonical == null || canonical.equals(id) ? null
					: readModelWithDescendants(canonical, page, projection);
		}
		Record row = rows.get(0);
		ModelView model = ModelView.from(projection.root().read(row.get("model")));
		if (plain && row.get("hub").asBoolean()) {
			// Past the first level a walk reads about the whole family for one
			// page: the family is ordered once instead (kept until a write reaches
			// it), and later pages are read from that order.
			// So is a page that reaches the end of the first level: walking it reads
			// about the whole next level, which costs about what ordering does.
			// A cursor without a readable key is placed by its offset, as the field does.
			long fanOut = row.get("fanOut").asLong();
			boolean ordered = after == null ? page.offset() > 0
					: after.depth() >= 2 || page.offset() + page.size() >= fanOut;
			return new ModelWithDescendants(model,
					ordered ? ordered(model.id(), page) : walk(model.id(), page, after, fanOut));
		}
		int total = row.get("total").asInt();
		List<LineageEntry> entries = row.get("page").asList(v -> {
			ModelView member = ModelView.from(projection.models().read(v.get("model")));
			return new LineageEntry(member, v.get("depth").asInt(), !projection.readsVia() ? null
					: Derivation.from(projection.via().read(v.get("via")), member.id(), v.get("parentId").asString()));
		});
		if (!row.get("order").isNull()) {
			List<String> ids = new java.util.ArrayList<>(total);
			List<Integer> depths = new java.util.ArrayList<>(total);
			List<String> parentIds = new java.util.ArrayList<>(total);
			for (Value member : row.get("order").values()) {
				ids.add(member.get(0).asString());
				depths.add(member.get(1).asInt());
				parentIds.add(member.get(2).asString());
			}
			this.families.keep(new FamilyIndex.Key(model.id(), page.maxDepth(), relations, page.orderBy()), ids, depths,
					parentIds, version);
		}
		// The page starts after the cursor's entry (or at its offset without one).
		long start = row.get("start").asLong();
		Page<LineageEntry> read = Page.of(entries, new PageRequest(start, page.size()), () -> total, () -> {
			throw new IllegalStateException("truncated is not read at once with the page");
		});
		Set<String> members = row.get("members").isNull() ? null
				: Set.copyOf(row.get("members").asList(Value::asString));
		// Cursors as the field's own: only the default order's carry (depth, id).
		return new ModelWithDescendants(model, plain ? keyed(read) : read, members);
	}

	/**
	 * A page of the default order whose cursors also carry each entry's (depth, id), so a
	 * later page can walk from it ({@link #walk}) once no order is kept.
	 */
	private static Page<LineageEntry> keyed(Page<LineageEntry> page) {
		return keyed(page, entry -> entry.depth() + ":" + entry.model().id());
	}

	/**
	 * One page of a family in the default order after the key {@code afterKey} (depth,
	 * id; null = from the start), from the models within a depth bound that starts at the
	 * key's depth and doubles until the page is full, the depth limit is reached or a
	 * level is empty (nothing lies deeper): a hub's first page reads its first level
	 * only, and a page of the first level of a hub whose derivatives are a large share of
	 * all models reads only about that page's share of the id index (pages after a key
	 * past the first level are read from the family's order instead, {@link #ordered}). A
	 * walked page (a hub's family has {@link FamilyIndex#MIN_CACHED} members or more) is
	 * kept until a write reaches the family; {@code totalCount} counts the family without
	 * ordering it (kept likewise), only when a client selects it.
	 */
	private Page<LineageEntry> walk(String id, DescendantsPage page, FamilyKey afterKey, long fanOut) {
		FamilyKey after = afterKey == null ? new FamilyKey(0, "") : afterKey;
		int limit = page.size() + 1;
		int fromDepth = after.depth();
		String fromId = after.id();
		List<LineageEntry> rows = this.families.memo(new WalkKey(id, page.maxDepth(), fromDepth, fromId, limit), id,
				FamilyIndex.Depends.MODELS, () -> walkFrom(id, page.maxDepth(), fromDepth, fromId, limit, fanOut),
				found -> true);
		if (page.offset() > 0 && page.offset() + 3L * page.size() >= fanOut) {
			// A client paging near the end of the first level will soon need the
			// family's order (see readModelWithDescendants): ordered now, while it
			// reads this page and the next. Not for a first page: a hub's first page
			// must not cost its family's order.
			this.families.orderInBackground(new FamilyIndex.Key(id, page.maxDepth(), List.of(), null), orderQuery(page),
					orderParams(page));
		}
		return keyed(Page.of(rows, new PageRequest(page.offset(), page.size()),
				SingletonSupplier.of(() -> familySize(id, page.maxDepth())), () -> {
					throw new IllegalStateException("truncated is not read with a walked page");
				}));
	}

	/**
	 * A page of the family's whole order (ordered once and kept for a large family),
	 * placed as {@link #descendants(List, DescendantsPage)} places it.
	 */
	private Page<LineageEntry> ordered(String id, DescendantsPage page) {
		return descendants(List.of(id), page).get(id);
	}

	/** The (depth, id) a cursor of the default order carries: where its entry stands. */
	private record FamilyKey(int depth, String id) {

		/** The key, or null when it is absent or not (depth:id). */
		static FamilyKey of(String key) {
			if (key == null) {
				return null;
			}
			int colon = key.indexOf(':');
			try {
				return new FamilyKey(Integer.parseInt(key.substring(0, Math.max(colon, 0))), key.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		/**
		 * The offset of the first entry after this key in {@code order} (depth, then id),
		 * whether or not the order still holds the key's own entry.
		 */
		long offsetAfter(FamilyIndex.Order order) {
			// Depths ascend, and ids within a depth: the first entry past the key.
			int low = 0;
			int high = order.size();
			while (low < high) {
				int mid = (low + high) >>> 1;
				int depthAt = order.depths().get(mid);
				if (depthAt < this.depth
						|| depthAt == this.depth && CodePointOrder.compare(order.ids().get(mid), this.id) <= 0) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			return low;
		}

	}

	/**
	 * {@code limit} entries of the family after (fromDepth, fromId): a page of the first
	 * level from the id index when that is cheap ({@link #firstLevel}), else from the
	 * models within a depth bound that starts at the key's depth and doubles.
	 */
	private List<LineageEntry> walkFrom(String id, int maxDepth, int fromDepth, String fromId, int limit, long fanOut) {
		if (fromDepth <= 1) {
			List<LineageEntry> firstLevel = firstLevel(id, fromDepth == 1 ? fromId : "", limit, fanOut);
			if (firstLevel != null) {
				return firstLevel;
			}
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("afterDepth", fromDepth);
		params.putAll(CodePointOrder.after(fromId));
		params.put("limit", limit);
		int bound = Math.max(1, fromDepth);
		while (true) {
			List<LineageEntry> found = this.graph.read(
					bounded("lineage/descendants-walk", new Limits.Depth(bound, false)), params,
					r -> entry(r, r.get("model").get("id").asString(), r.get("parentId").asString()));
			int reached = bound;
			if (found.size() >= limit || bound >= maxDepth
					|| (bound > fromDepth && found.stream().noneMatch(e -> e.depth() == reached))) {
				return found;
			}
			bound = Math.min(maxDepth, bound * 2);
		}
	}

	/**
	 * The first {@code limit} direct derivatives of the hub {@code id} after
	 * {@code afterId} by id, read in the id index's order
	 * ({@code descendants-first-level.cypher}) when the hub's derivatives are a large
	 * enough share of all models for that to be cheap; null when they are not, or when
	 * the first {@link #FIRST_LEVEL_SCAN} ids did not hold the page (ids that sort far
	 * from the hub's derivatives): the caller then walks the level.
	 */
	private List<LineageEntry> firstLevel(String id, String afterId, int limit, long fanOut) {
		long models = this.graph.read(this.cypher.get("lineage/model-count"), Map.of(), r -> r.get("n").asLong())
			.get(0);
		if ((double) limit * models / Math.max(1, fanOut) > FIRST_LEVEL_SCAN / 4.0) {
			return null;
		}
		Map<String, Object> params = new HashMap<>(CodePointOrder.after(afterId));
		params.putAll(Map.of("id", id, "limit", limit, "scan", FIRST_LEVEL_SCAN));
		List<LineageEntry> rows = this.graph.read(this.cypher.get("lineage/descendants-first-level"), params,
				r -> entry(r, r.get("model").get("id").asString(), r.get("parentId").asString()));
		return rows.size() == limit ? rows : null;
	}

	/**
	 * How many ids {@link #firstLevel} reads at most (about 150 ms at load 10 on 2
	 * cores): it is tried when the expected read is a quarter of this or less, so
	 * unevenly spread ids get room before the walk takes over.
	 */
	private static final int FIRST_LEVEL_SCAN = 20_000;

	/**
	 * How many models descend from {@code id} within {@code maxDepth} hops: from the
	 * family's kept order when there is one, else counted without ordering the family
	 * (kept like an order, for a family of {@link FamilyIndex#MIN_CACHED} or more).
	 */
	private int familySize(String id, int maxDepth) {
		var order = this.families.kept(new FamilyIndex.Key(id, maxDepth, List.of(), null));
		if (order != null) {
			return order.size();
		}
		return this.families.memo(new CountKey(id, maxDepth), id, FamilyIndex.Depends.STRUCTURE,
				() -> this.graph
					.read(bounded("lineage/descendants-count", new Limits.Depth(maxDepth, false)), Map.of("id", id),
							r -> r.get("total").asInt(), this.families.budget())
					.get(0),
				total -> total >= FamilyIndex.MIN_CACHED);
	}

	/** The size of a family, kept like its order. */
	private record CountKey(String id, int maxDepth) {
	}

	/** A walked page of a hub's family, kept like a large family's order. */
	private record WalkKey(String id, int maxDepth, int afterDepth, String afterId, int limit) {
	}

	/**
	 * Which descendants to page: the (clamped) depth bound, the relations filter (null =
	 * any), the order (null = depth then id, the contract's; else the whole family in
	 * that order) and the page: in the default order without a filter after the entry
	 * {@code afterKey} names (the (depth:id) key its cursor carries), else at
	 * {@code offset}.
	 */
	public record DescendantsPage(int maxDepth, List<Relation> relations, long offset, int size,
			DerivativeOrder orderBy, String afterKey) {

		public DescendantsPage {
			// A filter is a set: one kept order and one kept answer per set of relations,
			// whichever order a client lists them in.
			relations = relations == null || relations.isEmpty() ? null
					: relations.stream().distinct().sorted().toList();
			// Only the default order's cursors carry a key; a key that is not (depth:id)
			// places the page by its offset.
			afterKey = relations != null || orderBy != null || FamilyKey.of(afterKey) == null ? null : afterKey;
		}

		/**
		 * Where the page starts in the default order: after this entry; null = at the
		 * offset.
		 */
		FamilyKey after() {
			return FamilyKey.of(this.afterKey);
		}

	}

	/**
	 * The same page of descendants of each root, from at most two queries for all of
	 * them: one traversal ordering the families not cached yet, one reading the pages'
	 * entries. {@code truncated} is computed per root, only when selected. In the default
	 * order a page starts after the entry its cursor names (keyset: a write ahead of the
	 * cursor neither repeats nor skips an entry), else at the cursor's offset.
	 */
	public Map<String, Page<LineageEntry>> descendants(List<String> ids, DescendantsPage page) {
		FamilyKey after = page.after();
		List<Relation> relations = page.relations() == null ? List.of() : List.copyOf(page.relations());
		List<FamilyIndex.Key> keys = ids.stream()
			.map(id -> new FamilyIndex.Key(id, page.maxDepth(), relations, page.orderBy()))
			.toList();
		var orders = this.families.orders(keys, orderQuery(page), orderParams(page));
		boolean keyed = page.orderBy() == null && relations.isEmpty();
		Map<FamilyIndex.Key, Long> offsets = new HashMap<>();
		keys.forEach(key -> offsets.put(key, after == null ? page.offset() : after.offsetAfter(orders.get(key))));
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (FamilyIndex.Key key : keys) {
			var order = orders.get(key);
			int from = (int) Math.min(offsets.get(key), order.size());
			int to = (int) Math.min(order.size(), from + (long) page.size() + 1);
			for (int i = from; i < to; i++) {
				rows.add(Map.of("root", key.id(), "n", rows.size(), "id", order.ids().get(i), "depth",
						order.depths().get(i), "parentId", order.parentIds().get(i)));
			}
		}
		Map<String, List<LineageEntry>> entries = new HashMap<>();
		if (!rows.isEmpty()) {
			this.graph.read(this.cypher.get("lineage/entries-by-id"), Map.of("rows", rows), r -> r)
				.forEach(r -> entries.computeIfAbsent(r.get("root").asString(), k -> new java.util.ArrayList<>())
					.add(entry(r, r.get("childId").asString(), r.get("parentId").asString())));
		}
		Map<String, Page<LineageEntry>> byRoot = new LinkedHashMap<>();
		for (FamilyIndex.Key key : keys) {
			var order = orders.get(key);
			var read = Page.of(entries.getOrDefault(key.id(), List.of()),
					new PageRequest(offsets.get(key), page.size()), order::size,
					SingletonSupplier.of(() -> cutByDepth(order, page.maxDepth(), page.relations())));
			byRoot.put(key.id(), keyed ? keyed(read) : read);
		}
		return byRoot;
	}

	/**
	 * The statement that orders the families of {@code page} whole (takes {@code $ids}).
	 */
	private String orderQuery(DescendantsPage page) {
		String query = page.relations() != null ? "lineage/descendants-order-filtered"
				: page.orderBy() == null ? "lineage/descendants-order" : "lineage/descendants-order-by";
		return bounded(query, new Limits.Depth(page.maxDepth(), false));
	}

	private Map<String, Object> orderParams(DescendantsPage page) {
		Map<String, Object> params = traversal(null, page.relations());
		params.put("orderBy", page.orderBy() == null ? null : page.orderBy().name());
		return params;
	}

	/**
	 * Whether the depth bound (asked for or clamped) cut the family: a member at the
	 * bound has a derivative (through the relations asked for) that is not in the family.
	 * A bound deeper than the family cuts nothing.
	 */
	private boolean cutByDepth(FamilyIndex.Order order, int maxDepth, List<Relation> relations) {
		List<String> atBound = new java.util.ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			if (order.depths().get(i) == maxDepth) {
				atBound.add(order.ids().get(i));
			}
		}
		if (atBound.isEmpty()) {
			return false;
		}
		Map<String, Object> params = traversal(null, relations);
		params.put("ids", atBound);
		var family = new java.util.HashSet<>(order.ids());
		return this.graph.read(this.cypher.get("lineage/children-at-bound"), params, r -> r.get("id").asString())
			.stream()
			.anyMatch(id -> !family.contains(id));
	}

	/** Roots of the ancestry of each model (itself when it has no parent), by id. */
	public Map<String, List<ModelView>> foundations(Collection<String> ids) {
		Map<String, List<ModelView>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, List.of()));
		this.graph.read(this.cypher.get("lineage/foundations"), Map.of("ids", List.copyOf(ids)), r -> r)
			.forEach(r -> byModel.put(r.get("id").asString(), r.get("models").asList(v -> ModelView.from(v.asNode()))));
		return byModel;
	}

	/**
	 * @return the chain from {@code from} up to {@code to}, or null when {@code to} is
	 * not an ancestor
	 */
	public List<Derivation> lineagePath(String from, String to) {
		var path = this.graph.read(this.cypher.get("lineage/lineage-path"), Map.of("from", from, "to", to),
				LineageQueries::derivation);
		return path.isEmpty() ? null : path;
	}

	/**
	 * Models matching the filter, {@code first} (defaulted and clamped) after the cursor
	 * {@code after}: by keyset, see {@link ModelSearch}.
	 */
	public Page<ModelView> models(ModelFilter filter, Integer first, String after) {
		return this.search.page(filter, this.limits.pageSize(first), after);
	}

	private String bounded(String name, Limits.Depth depth) {
		// Quantifier bounds must be literals in Cypher; the value is a server-clamped
		// integer, never client text.
		return this.cypher.get(name).replace("{{maxDepth}}", Integer.toString(depth.value()));
	}

	private static Map<String, Object> traversal(String id, List<Relation> relations) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("relations",
				relations == null || relations.isEmpty() ? null : relations.stream().map(Relation::name).toList());
		return params;
	}

	private static LineageEntry entry(Record r, String childId, String parentId) {
		return new LineageEntry(ModelView.from(r.get("model").asNode()), r.get("depth").asInt(),
				Derivation.from(r.get("via").asRelationship(), childId, parentId));
	}

	static Derivation derivation(Record r) {
		return Derivation.from(r.get("via").asRelationship(), r.get("childId").asString(),
				r.get("parentId").asString());
	}

}
