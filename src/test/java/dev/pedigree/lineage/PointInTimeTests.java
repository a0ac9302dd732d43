package dev.pedigree.lineage;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on lineage, ecosystem and liability reads, on the seeded graph's real
 * release dates (Hub creation dates): each answer is compared with a breadth-first walk
 * done here over the family's edges read through the driver, visibility decided here.
 */
@PedigreeServerTest
class PointInTimeTests {

	/**
	 * A real Hub family: the base model (created 2025-01-23) and its derivatives, dated
	 * and undated.
	 */
	private static final String ROOT = "mistralai/Mistral-Small-24B-Base-2501";

	private static final String AS_OF = "2025-02-05";

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void descendants_and_children_as_of_a_date_hide_later_models_and_report_the_undated() {
		var walk = walk(ROOT, LocalDate.parse(AS_OF), true, 10);
		var now = walk(ROOT, null, true, 10);
		// The date splits the family: some derivatives came later.
		assertThat(walk.depths()).isNotEmpty();
		assertThat(now.depths().size()).isGreaterThan(walk.depths().size());
		var model = model(ROOT, AS_OF, true, """
				id pointInTime { asOf includeUndated undatedDescendants }
				children(first: 500) { totalCount edges { node { child { id releaseDate } } } }
				descendants(first: 500) { totalCount edges { node { depth model { id releaseDate } } } }
				""");
		Map<String, Integer> depths = new HashMap<>();
		for (Map<String, Object> edge : edges(model, "descendants")) {
			var node = (Map<String, Object>) edge.get("node");
			var m = (Map<String, Object>) node.get("model");
			depths.put((String) m.get("id"), (Integer) node.get("depth"));
			assertThat((String) m.get("releaseDate")).satisfiesAnyOf(d -> assertThat(d).isNull(),
					d -> assertThat(d).isLessThanOrEqualTo(AS_OF));
		}
		assertThat(depths).isEqualTo(walk.depths());
		assertThat(((Map<String, Object>) model.get("descendants")).get("totalCount")).isEqualTo(walk.depths().size());
		var children = edges(model, "children").stream()
			.map(e -> (String) ((Map<String, Object>) ((Map<String, Object>) e.get("node")).get("child")).get("id"))
			.toList();
		assertThat(children).containsExactlyInAnyOrderElementsOf(walk.atDepth(1));
		var note = (Map<String, Object>) model.get("pointInTime");
		assertThat(note).containsEntry("asOf", AS_OF).containsEntry("includeUndated", true);
		// Within 50 hops, through models released by the date or undated.
		assertThat(note.get("undatedDescendants")).isEqualTo(walk(ROOT, LocalDate.parse(AS_OF), true, 50).undated());

		// Undated models left out: only dated ones remain, and the note counts the same
		// undated models.
		var dated = model(ROOT, AS_OF, false, """
				pointInTime { includeUndated undatedDescendants }
				descendants(first: 500) { totalCount }""");
		var datedWalk = walk(ROOT, LocalDate.parse(AS_OF), false, 10);
		assertThat(((Map<String, Object>) dated.get("descendants")).get("totalCount"))
			.isEqualTo(datedWalk.depths().size());
		assertThat(datedWalk.depths().size()).isLessThan(walk.depths().size());
		assertThat((Map<String, Object>) dated.get("pointInTime")).containsEntry("includeUndated", false)
			.containsEntry("undatedDescendants", note.get("undatedDescendants"));

		// Without asOf: the graph as it is now, no note.
		var current = model(ROOT, null, true, "pointInTime { asOf } descendants(first: 1) { totalCount }");
		assertThat(current.get("pointInTime")).isNull();
		assertThat(((Map<String, Object>) current.get("descendants")).get("totalCount")).isEqualTo(now.depths().size());
	}

	@Test
	void a_model_released_after_the_date_did_not_exist_then() {
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"" + ROOT + "\", asOf: \"2025-01-22\") { id } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND
					&& e.getMessage().contains("recorded release date of 2025-01-23")
					&& "asOf".equals(e.getExtensions().get("field")))
			.verify()
			.path("model")
			.valueIsNull();
		GraphQlClient.anonymous(this.port)
			.document("{ ecosystem(rootId: \"" + ROOT + "\", asOf: \"2025-01-22\") { totalDescendants } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"" + ROOT + "\", asOf: \"5 Feb 2025\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("asOf")));
	}

	@Test
	void the_ecosystem_report_as_of_a_date_counts_the_family_then() {
		var walk = walk(ROOT, LocalDate.parse(AS_OF), true, 10);
		var report = GraphQlClient.anonymous(this.port)
			.document("{ ecosystem(rootId: \"" + ROOT + "\", asOf: \"" + AS_OF + "\") { totalDescendants "
					+ "pointInTime { asOf includeUndated undatedModels } byDepth { depth count } "
					+ "byMonth { month count } topByDownloads(first: 50) { model { id releaseDate } } } }")
			.execute()
			.path("ecosystem")
			.entity(Map.class)
			.get();
		assertThat(report.get("totalDescendants")).isEqualTo(walk.depths().size());
		assertThat((Map<String, Object>) report.get("pointInTime")).containsEntry("asOf", AS_OF)
			.containsEntry("undatedModels", walk.undated());
		assertThat(walk.undated()).isPositive();
		assertThat(months((List<Map<String, Object>>) report.get("byMonth"))).isEqualTo(walk.months());
		assertThat((List<Map<String, Object>>) report.get("topByDownloads"))
			.extracting(r -> (String) ((Map<String, Object>) r.get("model")).get("id"))
			.isSubsetOf(walk.depths().keySet());
		var dated = GraphQlClient.anonymous(this.port)
			.document("{ ecosystem(rootId: \"" + ROOT + "\", asOf: \"" + AS_OF
					+ "\", includeUndated: false) { totalDescendants pointInTime { includeUndated undatedModels } "
					+ "byMonth { month count } } }")
			.execute()
			.path("ecosystem")
			.entity(Map.class)
			.get();
		var datedWalk = walk(ROOT, LocalDate.parse(AS_OF), false, 10);
		assertThat(dated.get("totalDescendants")).isEqualTo(datedWalk.depths().size());
		assertThat(months((List<Map<String, Object>>) dated.get("byMonth"))).isEqualTo(datedWalk.months());
		assertThat((Map<String, Object>) dated.get("pointInTime")).containsEntry("includeUndated", false)
			.containsEntry("undatedModels", walk.undated());
	}

	@Test
	void ancestors_and_the_liability_trace_as_of_a_date_leave_out_a_parent_released_later() {
		// A real undated Hub model whose (dated) parent has a developer: the day before
		// the
		// parent's release, the parent did not exist yet.
		Record pair = single("""
				MATCH (c:Model)-[:DERIVED_FROM]->(p:Model)-[:DEVELOPED_BY {primary: true}]->(:Organization)
				WHERE c.releaseDate IS NULL AND c.placeholder IS NULL AND p.releaseDate IS NOT NULL
				RETURN c.id AS child, p.id AS parent, p.releaseDate AS released ORDER BY c.id, p.id LIMIT 1""");
		String child = pair.get("child").asString();
		String parent = pair.get("parent").asString();
		String before = LocalDate.parse(pair.get("released").asString().substring(0, 10)).minusDays(1).toString();

		var then = model(child, before, true,
				"ancestors { model { id } } parents { parent { id } } foundations { id }");
		var expected = ancestors(child, LocalDate.parse(before));
		assertThat(((List<Map<String, Object>>) then.get("ancestors")))
			.extracting(a -> (String) ((Map<String, Object>) a.get("model")).get("id"))
			.containsExactlyInAnyOrderElementsOf(expected)
			.doesNotContain(parent);
		assertThat(((List<Map<String, Object>>) then.get("parents")))
			.extracting(p -> (String) ((Map<String, Object>) p.get("parent")).get("id"))
			.doesNotContain(parent);
		var now = model(child, null, true, "ancestors { model { id } }");
		assertThat(((List<Map<String, Object>>) now.get("ancestors")))
			.extracting(a -> (String) ((Map<String, Object>) a.get("model")).get("id"))
			.contains(parent);

		var trace = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!, $asOf: Date) { liabilityTrace(modelId: $id, asOf: $asOf) { asOf "
					+ "pointInTime { asOf undatedAncestors } leftOutByDate parties { model { id } } } }")
			.variable("id", child)
			.variable("asOf", before)
			.execute()
			.path("liabilityTrace")
			.entity(Map.class)
			.get();
		assertThat(trace.get("asOf")).isEqualTo(before);
		assertThat(((List<Map<String, Object>>) trace.get("parties")))
			.extracting(p -> (String) ((Map<String, Object>) p.get("model")).get("id"))
			.doesNotContain(parent);
		assertThat((Map<String, Object>) trace.get("pointInTime")).containsEntry("asOf", before);
		// The left-out derivation is said, with what it changes.
		assertThat((List<String>) trace.get("leftOutByDate"))
			.anySatisfy(note -> assertThat(note).contains("derivation of " + child + " from " + parent)
				.contains("after asOf " + before)
				.contains("para 63"));
		var today = GraphQlClient.anonymous(this.port)
			.document(
					"query($id: ID!) { liabilityTrace(modelId: $id) { pointInTime { asOf } leftOutByDate parties { model { id } } } }")
			.variable("id", child)
			.execute()
			.path("liabilityTrace")
			.entity(Map.class)
			.get();
		assertThat(today.get("pointInTime")).isNull();
		assertThat((List<String>) today.get("leftOutByDate")).isEmpty();
		assertThat(((List<Map<String, Object>>) today.get("parties")))
			.extracting(p -> (String) ((Map<String, Object>) p.get("model")).get("id"))
			.contains(parent);
		// Undated models left out: the undated model itself did not exist.
		GraphQlClient.anonymous(this.port)
			.document("query($id: ID!, $asOf: Date) { liabilityTrace(modelId: $id, asOf: $asOf, includeUndated: false) "
					+ "{ asOf } }")
			.variable("id", child)
			.variable("asOf", before)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("no release date"))
			.verify();
	}

	@Test
	void graph_wide_rankings_as_of_a_date_count_only_what_existed_then() {
		String asOf = "2024-06-30";
		var foundations = (List<Map<String, Object>>) (List<?>) GraphQlClient.anonymous(this.port)
			.document("{ topFoundations(first: 5, asOf: \"" + asOf + "\") { model { id releaseDate } descendants "
					+ "ecosystem(maxDepth: 50) { pointInTime { asOf } } } }")
			.execute()
			.path("topFoundations")
			.entityList(Map.class)
			.get();
		assertThat(foundations).hasSize(5);
		for (var f : foundations) {
			var model = (Map<String, Object>) f.get("model");
			String id = (String) model.get("id");
			assertThat((String) model.get("releaseDate")).as(id)
				.satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).isLessThanOrEqualTo(asOf));
			assertThat(f.get("descendants")).as(id)
				.isEqualTo(walk(id, LocalDate.parse(asOf), true, 50).depths().size());
			assertThat((Map<String, Object>) ((Map<String, Object>) f.get("ecosystem")).get("pointInTime")).as(id)
				.containsEntry("asOf", asOf);
		}
		var organizations = (List<Map<String, Object>>) (List<?>) GraphQlClient.anonymous(this.port)
			.document("{ topOrganizations(first: 3, asOf: \"" + asOf + "\", includeUndated: false) "
					+ "{ organization { id } models } }")
			.execute()
			.path("topOrganizations")
			.entityList(Map.class)
			.get();
		assertThat(organizations).isNotEmpty();
		for (var o : organizations) {
			String id = (String) ((Map<String, Object>) o.get("organization")).get("id");
			try (var session = this.driver.session()) {
				int expected = session
					.run("MATCH (m:Model {developerId: $id}) WHERE m.placeholder IS NULL AND m.releaseDate <= $asOf "
							+ "RETURN count(m) AS n", Map.of("id", id, "asOf", asOf))
					.single()
					.get("n")
					.asInt();
				assertThat(o.get("models")).as(id).isEqualTo(expected);
			}
		}
	}

	/**
	 * The family of {@code root} at {@code asOf}: each descendant at its smallest depth,
	 * through visible models.
	 */
	/**
	 * months: members by release month (YYYY-MM, UNKNOWN when undated), placeholders left
	 * out.
	 */
	private record Walk(Map<String, Integer> depths, int undated, Map<String, Integer> months) {

		List<String> atDepth(int depth) {
			return this.depths.entrySet().stream().filter(e -> e.getValue() == depth).map(Map.Entry::getKey).toList();
		}

	}

	private static Map<String, Integer> months(List<Map<String, Object>> byMonth) {
		Map<String, Integer> months = new java.util.TreeMap<>();
		byMonth.forEach(m -> months.put((String) m.get("month"), ((Number) m.get("count")).intValue()));
		return months;
	}

	private Walk walk(String root, LocalDate asOf, boolean includeUndated, int maxDepth) {
		Map<String, List<String>> children = new HashMap<>();
		Map<String, String> dates = new HashMap<>();
		Set<String> placeholders = new HashSet<>();
		try (var session = this.driver.session()) {
			session
				.run("""
						MATCH (r:Model {id: $id})<-[:DERIVED_FROM]-+(d:Model)
						WITH DISTINCT d
						MATCH (d)-[:DERIVED_FROM]->(p:Model)
						RETURN p.id AS parent, d.id AS child, d.releaseDate AS date, d.placeholder AS placeholder""",
						Map.of("id", root))
				.forEachRemaining(r -> {
					children.computeIfAbsent(r.get("parent").asString(), k -> new java.util.ArrayList<>())
						.add(r.get("child").asString());
					dates.put(r.get("child").asString(), r.get("date").isNull() ? null : r.get("date").asString());
					if (!r.get("placeholder").isNull() && r.get("placeholder").asBoolean()) {
						placeholders.add(r.get("child").asString());
					}
				});
		}
		Map<String, Integer> depths = new HashMap<>();
		var queue = new ArrayDeque<String>(List.of(root));
		Map<String, Integer> seen = new HashMap<>(Map.of(root, 0));
		while (!queue.isEmpty()) {
			String id = queue.poll();
			int depth = seen.get(id);
			if (depth == maxDepth) {
				continue;
			}
			for (String child : children.getOrDefault(id, List.of())) {
				if (seen.containsKey(child) || !visible(dates.get(child), asOf, includeUndated)) {
					continue;
				}
				seen.put(child, depth + 1);
				depths.put(child, depth + 1);
				queue.add(child);
			}
		}
		int undated = (int) depths.keySet()
			.stream()
			.filter(id -> dates.get(id) == null && !placeholders.contains(id))
			.count();
		Map<String, Integer> months = new java.util.TreeMap<>();
		depths.keySet()
			.stream()
			.filter(id -> !placeholders.contains(id))
			.forEach(id -> months.merge(dates.get(id) == null ? "UNKNOWN" : dates.get(id).substring(0, 7), 1,
					Integer::sum));
		return new Walk(depths, undated, months);
	}

	private List<String> ancestors(String id, LocalDate asOf) {
		Map<String, List<String>> parents = new HashMap<>();
		Map<String, String> dates = new HashMap<>();
		try (var session = this.driver.session()) {
			session.run("""
					MATCH (s:Model {id: $id})-[:DERIVED_FROM]->*(c:Model)-[:DERIVED_FROM]->(p:Model)
					RETURN DISTINCT c.id AS child, p.id AS parent, p.releaseDate AS date""", Map.of("id", id))
				.forEachRemaining(r -> {
					parents.computeIfAbsent(r.get("child").asString(), k -> new java.util.ArrayList<>())
						.add(r.get("parent").asString());
					dates.put(r.get("parent").asString(), r.get("date").isNull() ? null : r.get("date").asString());
				});
		}
		Set<String> seen = new HashSet<>(Set.of(id));
		var queue = new ArrayDeque<String>(List.of(id));
		while (!queue.isEmpty()) {
			for (String p : parents.getOrDefault(queue.poll(), List.of())) {
				if (visible(dates.get(p), asOf, true) && seen.add(p)) {
					queue.add(p);
				}
			}
		}
		seen.remove(id);
		return List.copyOf(seen);
	}

	private static boolean visible(String date, LocalDate asOf, boolean includeUndated) {
		if (asOf == null) {
			return true;
		}
		return date == null ? includeUndated : date.compareTo(asOf.toString()) <= 0;
	}

	private Map<String, Object> model(String id, String asOf, boolean includeUndated, String selection) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!, $asOf: Date, $undated: Boolean) { model(id: $id, asOf: $asOf, includeUndated: "
					+ "$undated) { " + selection + " } }")
			.variable("id", id)
			.variable("asOf", asOf)
			.variable("undated", includeUndated)
			.execute()
			.path("model")
			.entity(Map.class)
			.get();
	}

	private static List<Map<String, Object>> edges(Map<String, Object> model, String field) {
		return (List<Map<String, Object>>) ((Map<String, Object>) model.get(field)).get("edges");
	}

	private Record single(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single();
		}
	}

}
