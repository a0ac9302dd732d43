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
 * through writes: a write that cannot reach the family keeps it (the summary statement
 * does not run again); a write inside the family (a new model below depth 2, a merge that
 * reaches a member by a second path, a derivation to a model outside, a retraction) drops
 * it, and the next report equals a recount of the edges as written. A report over several
 * roots is dropped by a write that reaches any one of them.
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
	void a_write_elsewhere_keeps_the_summary_and_a_write_inside_drops_it() {
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		double counted = summaries();
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("kept between requests").isEqualTo(counted);

		// Elsewhere: a new model, a derivation under another root, a member of another
		// family described again.
		register("eco-scope/unrelated");
		derive("eco-scope/unrelated", ELSEWHERE);
		register("eco-scope/elsewhere-child");
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("kept through writes elsewhere").isEqualTo(counted);

		// Inside, below depth 2: a new model derived from a grandchild's derivative.
		register("eco-scope/n1");
		derive("eco-scope/n1", id("h", 3));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("counted again after a new member").isEqualTo(counted + 1);
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("kept again").isEqualTo(counted + 1);

		// A merge that reaches a member by a second path: no new member, one more
		// derivation inside.
		derive(id("g", 5), id("c", 900));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("counted again after a merge inside").isEqualTo(counted + 2);

		// A member derived from a model outside the family: an external merge.
		derive(id("c", 7), ELSEWHERE);
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).isEqualTo(counted + 3);

		// A retraction inside: c0000 leaves the family; g0000 stays, through c0001.
		retract(id("c", 0), HUB);
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("counted again after a retraction").isEqualTo(counted + 4);
	}

	@Test
	void a_report_over_several_roots_is_dropped_by_a_write_under_any_of_them() {
		List<String> roots = List.of(HUB, ELSEWHERE);
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		double counted = summaries();
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(summaries()).as("kept between requests").isEqualTo(counted);

		// Under the second, small root: the report over both is counted again, the
		// hub's own is kept.
		String added = "eco-scope/elsewhere-grandchild";
		register(added);
		derive(added, "eco-scope/elsewhere-child");
		assertThat(familyReport(roots)).isEqualTo(recount(roots));
		assertThat(summaries()).isEqualTo(counted + 1);
		assertThat(report(HUB)).isEqualTo(recount(HUB));
		assertThat(summaries()).as("the hub's summary kept").isEqualTo(counted + 1);
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
			externalMerges += external ? 1 : 0;
		}
		Map<String, Integer> byDepth = new TreeMap<>();
		depths.values().forEach(depth -> byDepth.merge(String.valueOf(depth), 1, Integer::sum));
		Map<String, Object> figures = new HashMap<>();
		figures.put("totalDescendants", depths.size());
		figures.put("maxDepth", depths.values().stream().max(Integer::compare).orElse(0));
		figures.put("leaves", (int) depths.keySet().stream().filter(id -> !withChildren.contains(id)).count());
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

	/** How often the server has run the summary statement so far. */
	private double summaries() {
		return Curation.statementsRun(this.port, "ecosystem/summary");
	}

	private static String id(String kind, int i) {
		return "eco-scope/" + kind + String.format("%04d", i);
	}

}
