package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub's descendants over HTTP, paged in the default order (depth, then id): a family
 * whose first level fills the page is walked level by level from each cursor's (depth,
 * id), and its pages, in any size, join into the same list as a breadth-first walk of the
 * imported edges, each descendant once at its smallest depth, including merges that reach
 * a model by several paths at different depths; the same list as the whole family's order
 * (the field-by-field path, forced by selecting {@code truncated}); and the next first
 * page after a write shows the write.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DescendantsWalkTests {

	private static final String HUB = "walk-fixture/hub";

	/** More direct derivatives than FamilyIndex keeps pages for, and merges below. */
	private static final int CHILDREN = FamilyIndex.MIN_CACHED + 200;

	private static final String PAGE = """
			query($id: ID!, $first: Int, $after: String) {
			  model(id: $id) {
			    descendants(first: $first, after: $after) {
			      %s
			      pageInfo { hasNextPage hasPreviousPage endCursor }
			      edges { cursor node { depth model { id } } }
			    }
			  }
			}""";

	@LocalServerPort
	int port;

	/** child -> parents, in the imported edges. */
	private final Map<String, List<String>> parents = new LinkedHashMap<>();

	@BeforeAll
	void importFamily() {
		for (int i = 0; i < CHILDREN; i++) {
			edge(HUB, id("c", i));
		}
		for (int i = 0; i < 300; i++) {
			// Merges of two children: depth 2 either way.
			edge(id("c", 4 * i), id("g", i));
			edge(id("c", 4 * i + 1), id("g", i));
		}
		for (int i = 0; i < 100; i++) {
			// Depth 3 through a grandchild ...
			edge(id("g", i), id("h", i));
			// ... but 2 through a child: listed once, at depth 2.
			edge(id("h", i), id("k", i));
			edge(id("c", 1000 + i), id("k", i));
			// A direct derivative that is also a great-grandchild: depth 1.
			edge(HUB, id("m", i));
			edge(id("h", i), id("m", i));
		}
		// A chain below the deepest level.
		edge(id("k", 0), "walk-fixture/z1");
		edge("walk-fixture/z1", "walk-fixture/z2");
		importEdges(this.parents);
	}

	@Test
	void keyset_pages_of_a_hub_join_into_its_breadth_first_order() {
		List<String> expected = breadthFirst();
		assertThat(expected).hasSizeGreaterThan(CHILDREN + 400);
		for (int size : List.of(97, 500)) {
			assertThat(pages(size, "", Integer.MAX_VALUE)).as("pages of " + size).containsExactlyElementsOf(expected);
		}
		assertThat(pages(1, "", 3)).containsExactlyElementsOf(expected.subList(0, 3));
		// With the total, and on the field-by-field path (which orders the whole family).
		assertThat(pages(500, "totalCount", Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
		assertThat(pages(97, "truncated", Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
		GraphQlClient.anonymous(this.port)
			.document(PAGE.formatted("totalCount"))
			.variable("id", HUB)
			.variable("first", 10)
			.execute()
			.path("model.descendants.totalCount")
			.entity(Integer.class)
			.isEqualTo(expected.size());
	}

	@Test
	void the_first_page_after_a_write_shows_the_write() {
		// Kept: the hub's first page, twice.
		assertThat(pages(20, "", 1)).isEqualTo(pages(20, "", 1));
		String first = "walk-fixture/a-first";
		assertThat(first).isLessThan(id("c", 0));
		Map<String, List<String>> more = new LinkedHashMap<>();
		more.put(first, List.of(HUB));
		importEdges(more);
		this.parents.putAll(more);
		List<String> page = pages(20, "", 1);
		assertThat(page).first().isEqualTo("1 " + first);
		assertThat(page).containsExactlyElementsOf(breadthFirst().subList(0, 20));
	}

	/**
	 * "depth id" of each descendant of the hub, in pages of {@code size} following end
	 * cursors, at most {@code maxPages} pages.
	 */
	private List<String> pages(int size, String extra, int maxPages) {
		List<String> listed = new ArrayList<>();
		String after = null;
		for (int n = 0; n < maxPages; n++) {
			var descendants = GraphQlClient.anonymous(this.port)
				.document(PAGE.formatted(extra))
				.variable("id", HUB)
				.variable("first", size)
				.variable("after", after)
				.execute()
				.path("model.descendants")
				.entity(Map.class)
				.get();
			var info = (Map<?, ?>) descendants.get("pageInfo");
			assertThat(info.get("hasPreviousPage")).isEqualTo(after != null);
			for (Object edge : (List<?>) descendants.get("edges")) {
				var node = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
				listed.add(node.get("depth") + " " + ((Map<?, ?>) node.get("model")).get("id"));
			}
			if (!(Boolean) info.get("hasNextPage")) {
				break;
			}
			after = (String) info.get("endCursor");
		}
		return listed;
	}

	/** The family as the test recounts it ({@link BreadthFirst}). */
	private List<String> breadthFirst() {
		return BreadthFirst.descendants(this.parents, HUB);
	}

	private void edge(String parent, String child) {
		this.parents.computeIfAbsent(child, k -> new ArrayList<>()).add(parent);
	}

	private void importEdges(Map<String, List<String>> edges) {
		StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
		edges.forEach((child, ps) -> ps.forEach(p -> csv.append(p).append(',').append(child).append(",finetune\n")));
		GraphQlClient.curator(this.port)
			.document("mutation($content: String!) { importRecords(format: HF_EDGES, content: $content) "
					+ "{ rejected { reason } } }")
			.variable("content", csv.toString())
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	private static String id(String kind, int i) {
		return "walk-fixture/" + kind + String.format("%04d", i);
	}

}
