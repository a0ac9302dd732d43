package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids that mix characters beyond the basic plane (a surrogate pair in UTF-16, e.g.
 * U+1F600) with basic-plane characters above the surrogates (U+E000 to U+FFFF): the two
 * orders of strings disagree about them (U+FF21 sorts after U+1F600 by UTF-16 unit,
 * before it by code point). Neo4j orders stored strings by code point but compares them
 * with {@code >} by UTF-16 unit; descendants are paged in the order ORDER BY gives, on
 * every path: each member once, in the order of one big page. Its own unseeded store,
 * closed after the class: a hub walked level by level needs many unrelated models.
 */
@PedigreeServerTest
@TestPropertySource(properties = "pedigree.seed.enabled=false")
@DirtiesContext
class CodePointOrderTests {

	/** Next to each other by code point, in another order by UTF-16 unit. */
	private static final List<String> FIRST_LEVEL = List.of("0", "1\uE000", "1\uFF21", "1\uD83D\uDE00", "1\uD83D\uDE01",
			"2", "3\uFFFF", "3\uD83D\uDE00");

	private static final List<String> SECOND_LEVEL = List.of("z", "\uE000", "\uFF21", "\uD83D\uDE00");

	private static final Comparator<String> BY_CODE_POINT = (a, b) -> Arrays.compare(a.codePoints().toArray(),
			b.codePoints().toArray());

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	/**
	 * What the statements rely on: ORDER BY orders stored ids by code point (as the kept
	 * orders and their cursors do in Java), and {@code >} between a stored id and a
	 * parameter compares UTF-16 units (as Java's String.compareTo). If an upgrade of
	 * Neo4j changes either, the statements' placement after a cursor must follow it.
	 */
	@Test
	void neo4j_orders_stored_ids_by_code_point_and_compares_them_by_utf16_unit() {
		List<String> ids = new ArrayList<>();
		for (String first : FIRST_LEVEL) {
			ids.add("cpdb/" + first);
			for (String second : SECOND_LEVEL) {
				ids.add("cpdb/" + first + second);
			}
		}
		try (var session = this.driver.session()) {
			session
				.executeWrite(tx -> tx.run("UNWIND $ids AS id CREATE (m:Model {id: id, copy: id})", Map.of("ids", ids))
					.consume());
			List<String> sorted = ids.stream().sorted(BY_CODE_POINT).toList();
			assertThat(ids.stream().sorted(CodePointOrder::compare).toList()).as("kept orders' cursors")
				.isEqualTo(sorted);
			assertThat(session.run("MATCH (m:Model) WHERE m.id STARTS WITH 'cpdb/' RETURN m.id AS id ORDER BY m.id")
				.list(r -> r.get("id").asString())).as("ORDER BY on the id index").isEqualTo(sorted);
			assertThat(session.run("MATCH (m:Model) WHERE m.id STARTS WITH 'cpdb/' RETURN m.copy AS id ORDER BY m.copy")
				.list(r -> r.get("id").asString())).as("ORDER BY without an index").isEqualTo(sorted);
			for (String a : ids) {
				List<Boolean> greater = session
					.run("MATCH (a:Model {id: $a}) UNWIND $ids AS b RETURN a.id > b AS greater",
							Map.of("a", a, "ids", ids))
					.list(r -> r.get("greater").asBoolean());
				assertThat(greater).as("%s > each id", a).isEqualTo(ids.stream().map(b -> a.compareTo(b) > 0).toList());
			}
			// How the statements correct it (CodePointOrder.after): as ORDER BY.
			List<Map<String, Object>> cursors = ids.stream().map(CodePointOrder::after).toList();
			for (String a : ids) {
				List<Boolean> after = session.run("""
						MATCH (a:Model {id: $a}) UNWIND $cursors AS c
						RETURN (a.id > c.afterId) <> any(f IN c.afterIdFlips WHERE a.id STARTS WITH f.prefix
						  AND a.id >= f.from AND (f.before IS NULL OR a.id < f.before)) AS after,
						  a.id > c.afterIdFloor AS fromFloor""", Map.of("a", a, "cursors", cursors))
					.list(r -> r.get("after").asBoolean() && r.get("fromFloor").asBoolean());
				assertThat(after).as("%s after each id", a)
					.isEqualTo(ids.stream().map(b -> CodePointOrder.compare(a, b) > 0).toList());
			}
		}
	}

	/**
	 * A hub (its first level fills a page of one, its family is large): its first level
	 * paged one by one from the id index, then (with many other models, so that the id
	 * index would be read far) by the walk statement, past it from the family's order;
	 * every member once, in code-point order within each depth, as one big page lists
	 * them.
	 */
	@Test
	void a_hubs_pages_list_ids_beyond_the_basic_plane_once_in_the_order_of_one_big_page() {
		hub("cpi/base");
		List<String> fromIndex = pageAll("cpi/base");
		assertThat(fromIndex).as("first level from the id index").isEqualTo(expected("cpi/base"));
		assertThat(fromIndex.subList(0, 500)).isEqualTo(ids(page("cpi/base", 500, null)));

		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("UNWIND range(1, 25000) AS i CREATE (:Model {id: 'cpw-pad/' + i})").consume());
		}
		hub("cpw/base");
		double walks = Curation.statementsRun(this.port, "lineage/descendants-walk");
		List<String> walked = pageAll("cpw/base");
		assertThat(Curation.statementsRun(this.port, "lineage/descendants-walk")).as("walked").isGreaterThan(walks + 3);
		assertThat(walked).as("first level walked").isEqualTo(expected("cpw/base"));
		assertThat(walked.subList(0, 500)).isEqualTo(ids(page("cpw/base", 500, null)));
	}

	/**
	 * A small family (one statement orders it for each page) pages its members once; a
	 * cursor whose entry left the family starts at the entry after it by code point.
	 */
	@Test
	void a_small_familys_pages_list_ids_beyond_the_basic_plane_once_also_after_the_cursors_entry_left() {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		List<String> children = FIRST_LEVEL.stream().map(s -> "cps/c-" + s).toList();
		children.forEach(child -> edges.append("cps/root,").append(child).append(",finetune\n"));
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
		List<String> sorted = children.stream().sorted(BY_CODE_POINT).toList();
		List<String> paged = new ArrayList<>();
		String after = null;
		String cursorOfFf21 = null;
		for (int i = 0; i < children.size() && (i == 0 || after != null); i++) {
			var response = page("cps/root", 1, after);
			paged.addAll(ids(response));
			after = hasNext(response) ? endCursor(response) : null;
			if (paged.get(paged.size() - 1).equals("cps/c-1\uFF21")) {
				cursorOfFf21 = after;
			}
		}
		assertThat(paged).isEqualTo(sorted);
		Curation.retract(this.port, "cps/c-1\uFF21", "cps/root");
		assertThat(ids(page("cps/root", 2, cursorOfFf21))).as("after a cursor whose entry left")
			.containsExactly("cps/c-1\uD83D\uDE00", "cps/c-1\uD83D\uDE01");
	}

	/**
	 * {@code root} with {@link #FIRST_LEVEL} direct derivatives, the first with 1,000 of
	 * its own ({@link #SECOND_LEVEL} after each of 250 numbers).
	 */
	private void hub(String root) {
		String prefix = root.substring(0, root.indexOf('/'));
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		FIRST_LEVEL
			.forEach(s -> edges.append(root).append(',').append(prefix).append("/c-").append(s).append(",finetune\n"));
		for (int i = 0; i < 1_000; i++) {
			edges.append(prefix).append("/c-0,").append(prefix).append("/g-").append(String.format("%03d", i / 4));
			edges.append(SECOND_LEVEL.get(i % 4)).append(",quantized\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
	}

	/** {@link #hub}'s family by depth, then by code point. */
	private static List<String> expected(String root) {
		String prefix = root.substring(0, root.indexOf('/'));
		List<String> ids = new ArrayList<>(
				FIRST_LEVEL.stream().map(s -> prefix + "/c-" + s).sorted(BY_CODE_POINT).toList());
		List<String> second = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			second.add(prefix + "/g-" + String.format("%03d", i / 4) + SECOND_LEVEL.get(i % 4));
		}
		ids.addAll(second.stream().sorted(BY_CODE_POINT).toList());
		return ids;
	}

	/** The whole family: the first level a member per page, then 13 per page. */
	private List<String> pageAll(String root) {
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int i = 0; i < 200; i++) {
			var response = page(root, ids.size() < FIRST_LEVEL.size() ? 1 : 13, after);
			ids.addAll(ids(response));
			if (!hasNext(response)) {
				break;
			}
			after = endCursor(response);
		}
		return ids;
	}

	private GraphQlTester.Response page(String id, int first, String after) {
		var response = GraphQlClient.anonymous(this.port)
			.document("query ($id: ID!, $first: Int, $after: String) { model(id: $id) { "
					+ "descendants(first: $first, after: $after) { edges { node { model { id } } } "
					+ "pageInfo { endCursor hasNextPage } } } }")
			.variable("id", id)
			.variable("first", first)
			.variable("after", after)
			.execute();
		response.errors().verify();
		return response;
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("model.descendants.edges[*].node.model.id").entityList(String.class).get();
	}

	private static String endCursor(GraphQlTester.Response response) {
		return response.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
	}

	private static boolean hasNext(GraphQlTester.Response response) {
		return response.path("model.descendants.pageInfo.hasNextPage").entity(Boolean.class).get();
	}

}
