package dev.pedigree.ecosystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.lineage.BreadthFirst;
import dev.pedigree.lineage.FamilyAnswers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large family's ecosystem summary (the figures, byDepth, byRelation) over HTTP,
 * through writes: a write that cannot reach the family keeps it (the family is not read
 * again); a write inside the family (a new model below depth 2, a merge that reaches a
 * member by a second path, a derivation to a model outside, a retraction, a derivation
 * that moves members up, a placeholder described as a model) updates it from the models
 * the write touched, and the next report equals a recount of the edges as written; a
 * model that joins the family with derivatives of its own, or an import, has the family
 * read again. A report over several roots follows a write under any one of them.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcosystemScopeTests {

	private static final String HUB = "eco-scope/hub";

	private static final String ELSEWHERE = "eco-scope/elsewhere";

	/** Enough direct derivatives for the hub's summary to be kept. */
	private static final int CHILDREN = FamilyAnswers.KEPT_FROM + 100;

	private static final String FIELDS = "totalDescendants maxDepth leaves externalMerges "
			+ "byRelation { relation count } byDepth { depth count }";

	@LocalServerPort
	int port;

	/** Models only named by an edge (imported without a record of their own). */
	private final Set<String> placeholders = new java.util.HashSet<>();

	/** child -> (parent -> relation), as written. */
	private final Map<String, Map<String, String>> edges = new LinkedHashMap<>();

	@BeforeAll
	void importFamilies() {
		for (int i = 0; i < CHILDREN; i++) {
			edge(HUB, id("c", i), "finetune");
		}
		for (int i = 0; i < 200; i++) {
			// Merges of two children.
			edge(id("c", 2 * i), id("g", i), "merge");
			edge(id("c", 2 * i + 1), id("g", i), "merge");
		}
		for (int i = 0; i < 50; i++) {
			edge(id("g", i), id("h", i), "quantized");
		}
		edge(ELSEWHERE, "eco-scope/elsewhere-child", "finetune");
		StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
		Set<String> ids = new java.util.TreeSet<>();
		this.edges.forEach((child, ps) -> ps.forEach((p, relation) -> {
			csv.append(p).append(',').append(child).append(',').append(relation).append('\n');
			ids.add(p);
			ids.add(child);
		}));
		importRecords("HF_EDGES", csv.toString());
		// Models, not placeholders: the summary counts only those.
		importRecords("HF_NODES", "model_id\n" + String.join("\n", ids) + "\n");
	}

	@Test
	void a_write_elsewhere_keeps_the_summary_and_a_write_inside_updates_it() {
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		double read = familyReads();
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("kept between requests").isEqualTo(read);

		// Elsewhere: a new model, a derivation under another root, a member of another
		// family described again.
		register("eco-scope/unrelated");
		derive("eco-scope/unrelated", ELSEWHERE);
		register("eco-scope/elsewhere-child");
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("kept through writes elsewhere").isEqualTo(read);

		// Inside, below depth 2: a new model derived from a grandchild's derivative.
		register("eco-scope/n1");
		derive("eco-scope/n1", id("h", 3));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("updated after a new member, not read again").isEqualTo(read);
		assertThat(report(HUB)).isEqualTo(recount(HUB));

		// A merge that reaches a member by a second path: no new member, one more
		// derivation inside.
		derive(id("g", 5), id("c", 900));
		assertThat(report(HUB)).isEqualTo(recount(HUB));

		// A member derived from a model outside the family: an external merge.
		derive(id("c", 7), ELSEWHERE);
		assertThat(report(HUB)).isEqualTo(recount(HUB));

		// A retraction inside: c0000 leaves the family; g0000 stays, through c0001.
		retract(id("c", 0), HUB);
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		// Both of g0002's parents go: it and h0002 below it leave the family.
		retract(id("g", 2), id("c", 4));
		retract(id("g", 2), id("c", 5));
		assertThat(report(HUB)).isEqualTo(recount(HUB));

		// Members move up: h0003 derived from the hub itself (depth 3 to 1), n1 below it
		// (4 to 2); two writes before the next report.
		derive(id("h", 3), HUB);
		register(id("c", 20));
		assertThat(report(HUB)).isEqualTo(recount(HUB));

		// c0000, outside now, comes back below a member, with its derivative g0000.
		derive(id("c", 0), id("c", 1));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("updated through every write inside").isEqualTo(read);

		// A model that joins with a derivative of its own: the family is read again.
		register("eco-scope/graft");
		register("eco-scope/graft-child");
		derive("eco-scope/graft-child", "eco-scope/graft");
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("kept through a write elsewhere").isEqualTo(read);
		derive("eco-scope/graft", id("c", 30));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("read again after a graft with derivatives").isEqualTo(read + 1);

		// An import (a new placeholder under a member) names no scope: read again; the
		// placeholder described as a model is an update.
		importRecords("HF_EDGES", "parent_id,child_id,relation\n" + id("c", 40) + ",eco-scope/ph1,quantized\n");
		edge(id("c", 40), "eco-scope/ph1", "quantized");
		this.placeholders.add("eco-scope/ph1");
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("read again after an import").isEqualTo(read + 2);
		register("eco-scope/ph1");
		this.placeholders.remove("eco-scope/ph1");
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).as("updated after a placeholder was described").isEqualTo(read + 2);
	}

	@Test
	void a_report_over_several_roots_follows_a_write_under_any_of_them() {
		List<String> roots = List.of(HUB, ELSEWHERE);
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		double read = familyReads();
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(familyReads()).as("kept between requests").isEqualTo(read);

		// Under the second, small root: the report over both is updated, the hub's own
		// kept.
		String added = "eco-scope/elsewhere-grandchild";
		register(added);
		derive(added, "eco-scope/elsewhere-child");
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(familyReads()).isEqualTo(read);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> report(String root) {
		return normalised(GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { ecosystem(rootId: $id) { " + FIELDS + " } }")
			.variable("id", root)
			.execute()
			.path("ecosystem")
			.entity(Map.class)
			.get());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> familyReport(List<String> roots) {
		return normalised(GraphQlClient.anonymous(this.port)
			.document("query($ids: [ID!]!) { familyReport(rootIds: $ids) { " + FIELDS + " } }")
			.variable("ids", roots)
			.execute()
			.path("familyReport")
			.entity(Map.class)
			.get());
	}

	/** byRelation and byDepth as maps, the figures as they are. */
	private static Map<String, Object> normalised(Map<String, Object> report) {
		Map<String, Object> figures = new HashMap<>(report);
		figures.put("byRelation", counts((List<?>) report.get("byRelation"), "relation"));
		figures.put("byDepth", counts((List<?>) report.get("byDepth"), "depth"));
		return figures;
	}

	private static Map<String, Integer> counts(List<?> rows, String key) {
		Map<String, Integer> counts = new TreeMap<>();
		rows.forEach(row -> counts.put(String.valueOf(((Map<?, ?>) row).get(key)),
				((Number) ((Map<?, ?>) row).get("count")).intValue()));
		return counts;
	}

	private Map<String, Object> recount(String root) {
		return recount(List.of(root));
	}

	/** The summary of the roots' family recounted from the edges as written. */
	private Map<String, Object> recount(List<String> roots) {
		Map<String, List<String>> parents = new HashMap<>();
		this.edges.forEach((child, ps) -> parents.put(child, new ArrayList<>(ps.keySet())));
		Map<String, Integer> depths = new HashMap<>();
		for (String root : roots) {
			BreadthFirst.depths(parents, root).forEach((id, depth) -> depths.merge(id, depth, Math::min));
		}
		roots.forEach(depths::remove);
		Set<String> family = new java.util.HashSet<>(depths.keySet());
		family.addAll(roots);
		Set<String> withChildren = new java.util.HashSet<>();
		this.edges.values().forEach(ps -> withChildren.addAll(ps.keySet()));
		Map<String, Integer> byRelation = new TreeMap<>();
		int externalMerges = 0;
		Map<String, Integer> counted = new HashMap<>(depths);
		counted.keySet().removeAll(this.placeholders);
		for (String member : depths.keySet()) {
			boolean external = false;
			for (var parent : this.edges.getOrDefault(member, Map.of()).entrySet()) {
				if (family.contains(parent.getKey())) {
					byRelation.merge(parent.getValue().toUpperCase(Locale.ROOT), 1, Integer::sum);
				}
				else {
					external = true;
				}
			}
			externalMerges += (external && counted.containsKey(member)) ? 1 : 0;
		}
		Map<String, Integer> byDepth = new TreeMap<>();
		counted.values().forEach(depth -> byDepth.merge(String.valueOf(depth), 1, Integer::sum));
		Map<String, Object> figures = new HashMap<>();
		figures.put("totalDescendants", counted.size());
		figures.put("maxDepth", depths.values().stream().max(Integer::compare).orElse(0));
		figures.put("leaves", (int) counted.keySet().stream().filter(id -> !withChildren.contains(id)).count());
		figures.put("externalMerges", externalMerges);
		figures.put("byRelation", byRelation);
		figures.put("byDepth", byDepth);
		return figures;
	}

	private void importRecords(String format, String content) {
		Curation.importRecords(this.port, format, content);
	}

	private void register(String id) {
		Curation.register(this.port, id, id);
	}

	private void derive(String child, String parent) {
		Curation.derive(this.port, child, parent);
		edge(parent, child, "finetune");
	}

	private void retract(String child, String parent) {
		Curation.retract(this.port, child, parent);
		this.edges.get(child).remove(parent);
	}

	private void edge(String parent, String child, String relation) {
		this.edges.computeIfAbsent(child, k -> new LinkedHashMap<>()).put(parent, relation);
	}

	/** How often the server has read a family whole for its summary so far. */
	private double familyReads() {
		return Curation.statementsRun(this.port, "ecosystem/family-image");
	}

	private static String id(String kind, int i) {
		return "eco-scope/" + kind + String.format("%04d", i);
	}

}
