package dev.pedigree.lineage;

import dev.pedigree.common.Limits;
import dev.pedigree.common.Page;
import dev.pedigree.common.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Lineage reads of the graph as it stood on a date ({@link PointInTime}): models released
 * later, and the derivations reaching them, are invisible; undated models count when the
 * point in time includes them. Same answers as {@link LineageQueries} for a date after
 * every release. These reads are analytical: one statement per model and field, without
 * the family caches of the live graph (a cache keyed by date would rarely be hit twice).
 */
@Service
public class PointInTimeLineage {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	PointInTimeLineage(Graph graph, CypherQueries cypher, Limits limits) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
	}

	/** Direct bases of each model visible at {@code at}, by child id. */
	public Map<String, List<Derivation>> parents(Collection<String> ids, PointInTime at) {
		Map<String, List<Derivation>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, new ArrayList<>()));
		var params = at.parameters();
		params.put("ids", List.copyOf(ids));
		this.graph.read(this.cypher.get("lineage/as-of/parents"), params, LineageQueries::derivation)
			.forEach(d -> byModel.get(d.childId()).add(d));
		return byModel;
	}

	/** One page of the direct derivatives of {@code id} visible at {@code at}. */
	public Page<Derivation> children(String id, LineageQueries.ChildrenPage request, PointInTime at) {
		var params = at.parameters();
		params.put("id", id);
		params.put("relations", names(request.relations()));
		params.put("orderBy", request.orderBy() == null ? null : request.orderBy().name());
		PageRequest page = request.page().page();
		params.put("offset", page.offset());
		params.put("limit", page.size() + 1);
		var rows = this.graph.read(this.cypher.get("lineage/as-of/children-page"), params, r -> r);
		if (rows.isEmpty()) {
			return Page.of(List.of(), page, () -> 0, () -> false);
		}
		Record row = rows.get(0);
		int total = row.get("total").asInt();
		List<Derivation> items = row.get("rows")
			.asList(m -> Derivation.from(m.get("via").asRelationship(), m.get("childId").asString(), id));
		return Page.of(items, page, () -> total, () -> false);
	}

	/**
	 * Direct derivatives visible at {@code at}, grouped by relation, largest group first.
	 */
	public List<DerivativeGroup> childrenByRelation(String id, Integer first, DerivativeOrder orderBy, PointInTime at) {
		int size = this.limits.pageSize(first);
		var params = at.parameters();
		params.put("id", id);
		params.put("orderBy", (orderBy == null ? DerivativeOrder.DOWNLOADS : orderBy).name());
		params.put("limit", size + 1);
		return this.graph.read(this.cypher.get("lineage/as-of/children-by-relation"), params, r -> {
			int count = r.get("count").asInt();
			List<Derivation> page = r.get("page")
				.asList(m -> Derivation.from(m.get("via").asRelationship(), m.get("childId").asString(), id));
			Relation relation = Relation.fromSource(ModelView.string(r.get("relation"), "OTHER"));
			return new DerivativeGroup(relation == null ? Relation.OTHER : relation, count,
					Page.of(page, new PageRequest(0, size), () -> count, () -> false));
		});
	}

	/**
	 * Every ancestor of each model visible at {@code at}, once, at its smallest depth.
	 */
	public Map<String, List<LineageEntry>> ancestors(List<String> ids, Integer maxDepth, List<Relation> relations,
			PointInTime at) {
		Map<String, List<LineageEntry>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, new ArrayList<>()));
		var params = at.parameters();
		params.put("ids", ids);
		params.put("relations", names(relations));
		this.graph.read(bounded("lineage/as-of/ancestors", this.limits.depth(maxDepth).value()), params, r -> r)
			.forEach(r -> byModel.get(r.get("id").asString())
				.add(new LineageEntry(ModelView.from(r.get("model").asNode()), r.get("depth").asInt(), Derivation
					.from(r.get("via").asRelationship(), r.get("childId").asString(), r.get("parentId").asString()))));
		return byModel;
	}

	/**
	 * One page of the descendants of {@code id} visible at {@code at}, with the total;
	 * {@code truncated} (a visible derivative beyond the depth bound) is read when asked.
	 */
	public Page<LineageEntry> descendants(String id, LineageQueries.DescendantsPage request, PointInTime at) {
		var params = at.parameters();
		params.put("id", id);
		params.put("relations", names(request.relations()));
		params.put("orderBy", request.orderBy() == null ? null : request.orderBy().name());
		params.put("offset", request.offset());
		params.put("limit", request.size() + 1);
		var rows = this.graph.read(bounded("lineage/as-of/descendants", request.maxDepth()), params, r -> r);
		PageRequest page = new PageRequest(request.offset(), request.size());
		if (rows.isEmpty()) {
			return Page.of(List.of(), page, () -> 0, () -> false);
		}
		Record row = rows.get(0);
		int total = row.get("total").asInt();
		List<LineageEntry> items = row.get("rows")
			.asList(v -> new LineageEntry(ModelView.from(v.get("model").asNode()), v.get("depth").asInt(),
					Derivation.from(v.get("via").asRelationship(), v.get("model").asNode().get("id").asString(),
							v.get("parentId").asString())));
		List<String> atBound = row.get("atBound").asList(v -> v.asString());
		List<String> family = row.get("family").asList(v -> v.asString());
		return Page.of(items, page, () -> total,
				SingletonSupplier.of(() -> cutByDepth(atBound, family, request.relations(), at)));
	}

	private boolean cutByDepth(List<String> atBound, List<String> family, List<Relation> relations, PointInTime at) {
		if (atBound.isEmpty()) {
			return false;
		}
		var params = at.parameters();
		params.put("ids", atBound);
		params.put("relations", names(relations));
		var members = new HashSet<>(family);
		return this.graph.read(this.cypher.get("lineage/as-of/children-at-bound"), params, r -> r.get("id").asString())
			.stream()
			.anyMatch(id -> !members.contains(id));
	}

	/**
	 * Roots of the ancestry of each model visible at {@code at} (itself when it has no
	 * visible parent).
	 */
	public Map<String, List<ModelView>> foundations(Collection<String> ids, PointInTime at) {
		Map<String, List<ModelView>> byModel = new LinkedHashMap<>();
		ids.forEach(id -> byModel.put(id, List.of()));
		var params = at.parameters();
		params.put("ids", List.copyOf(ids));
		this.graph.read(this.cypher.get("lineage/as-of/foundations"), params, r -> r)
			.forEach(r -> byModel.put(r.get("id").asString(), r.get("models").asList(v -> ModelView.from(v.asNode()))));
		return byModel;
	}

	/**
	 * The chain from {@code from} up to {@code to} through models visible at {@code at};
	 * null when none.
	 */
	public List<Derivation> lineagePath(String from, String to, PointInTime at) {
		var params = at.parameters();
		params.put("from", from);
		params.put("to", to);
		var path = this.graph.read(this.cypher.get("lineage/as-of/lineage-path"), params, LineageQueries::derivation);
		return path.isEmpty() ? null : path;
	}

	/**
	 * What an as-of answer about a model's lineage describes: its date, whether undated
	 * models counted, and how many undated models its ancestry and descendants (within 50
	 * hops, through models released by the date or undated) hold — the ones included, or
	 * left out.
	 *
	 * @param asOf the date
	 * @param includeUndated whether undated models counted as present
	 * @param undatedAncestors undated models in the ancestry
	 * @param undatedDescendants undated models among the descendants
	 */
	public record Note(java.time.LocalDate asOf, boolean includeUndated, int undatedAncestors, int undatedDescendants) {
	}

	/** The note for {@code id} at {@code at}; null for the graph as it is now. */
	public Note note(String id, PointInTime at) {
		if (at.now()) {
			return null;
		}
		var params = at.parameters();
		params.put("id", id);
		return this.graph
			.read(this.cypher.get("lineage/as-of/undated-lineage"), params,
					r -> new Note(at.asOf(), at.includeUndated(), r.get("ancestors").asInt(),
							r.get("descendants").asInt()))
			.stream()
			.findFirst()
			.orElse(new Note(at.asOf(), at.includeUndated(), 0, 0));
	}

	private String bounded(String name, int depth) {
		// Quantifier bounds must be literals in Cypher; the value is a server-clamped
		// integer, never client text.
		return this.cypher.get(name).replace("{{maxDepth}}", Integer.toString(depth));
	}

	private static List<String> names(List<Relation> relations) {
		return relations == null || relations.isEmpty() ? null : relations.stream().map(Relation::name).toList();
	}

}
