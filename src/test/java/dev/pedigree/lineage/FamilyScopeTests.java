package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub's kept first page and family count over HTTP, through writes: a write that cannot
 * reach the family (a model or derivation elsewhere) keeps them (the family is not
 * counted again, the answer is the same); a derivation written or retracted inside the
 * family, at any depth, drops them, and the next page and total equal a breadth-first
 * recount of the edges, also when a merge reaches a model by a second path or moves it to
 * a smaller depth; a change of a member's own facts shows in the next page without
 * counting the family again.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyScopeTests {

	private static final String HUB = "scope-fixture/hub";

	private static final String ELSEWHERE = "scope-fixture/elsewhere";

	/** Enough direct derivatives for the hub's page and count to be kept. */
	private static final int CHILDREN = FamilyIndex.MIN_CACHED + 100;

	private static final String PAGE = """
			query($id: ID!, $first: Int, $after: String) {
			  model(id: $id) {
			    descendants(first: $first, after: $after) {
			      totalCount
			      pageInfo { hasNextPage endCursor }
			      edges { node { depth model { id name } } }
			    }
			  }
			}""";

	@LocalServerPort
	int port;

	/** child -> parents, as written. */
	private final Map<String, List<String>> parents = new LinkedHashMap<>();

	@BeforeAll
	void importFamilies() {
		for (int i = 0; i < CHILDREN; i++) {
			edge(HUB, id("c", i));
		}
		for (int i = 0; i < 200; i++) {
			// Merges of two children.
			edge(id("c", 2 * i), id("g", i));
			edge(id("c", 2 * i + 1), id("g", i));
		}
		for (int i = 0; i < 50; i++) {
			edge(id("g", i), id("h", i));
		}
		edge(ELSEWHERE, "scope-fixture/elsewhere-child");
		StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
		this.parents
			.forEach((child, ps) -> ps.forEach(p -> csv.append(p).append(',').append(child).append(",finetune\n")));
		GraphQlClient.curator(this.port)
			.document("mutation($content: String!) { importRecords(format: HF_EDGES, content: $content) "
					+ "{ rejected { reason } } }")
			.variable("content", csv.toString())
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void a_write_elsewhere_keeps_the_family_and_a_write_inside_drops_it() {
		assertThat(wholeList()).containsExactlyElementsOf(breadthFirst());
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		double counted = counts();
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		assertThat(counts()).as("kept between requests").isEqualTo(counted);

		// Elsewhere: a new model, a derivation under another root, a member of another
		// family described again.
		register("scope-fixture/unrelated");
		derive("scope-fixture/unrelated", ELSEWHERE);
		register("scope-fixture/elsewhere-child");
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		assertThat(counts()).as("kept through writes elsewhere").isEqualTo(counted);

		// Inside, three levels down: a new model below a grandchild's derivative.
		register("scope-fixture/n1");
		derive("scope-fixture/n1", id("h", 3));
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		assertThat(counts()).as("counted again after a write inside").isGreaterThan(counted);
		counted = counts();

		// A merge that reaches a member by a second path (no new member) and one that
		// moves a member up to depth 1 (a new first-level entry, the same total).
		derive(id("g", 5), id("c", 900));
		derive(id("h", 1), HUB);
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		assertThat(counts()).isGreaterThan(counted);
		assertThat(wholeList()).containsExactlyElementsOf(breadthFirst());

		// A retraction inside: c0000 leaves; g0000 stays, through c0001.
		retract(id("c", 0), HUB);
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		assertThat(wholeList()).containsExactlyElementsOf(breadthFirst());
	}

	@Test
	void a_members_facts_show_at_once_without_counting_the_family_again() {
		String member = id("c", 3);
		assertThat(firstPage()).isEqualTo(expectedFirstPage());
		double counted = counts();
		GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { registerModel(input: {id: $id, name: \"Renamed member\"}) { id } }")
			.variable("id", member)
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(member);
		Map<String, Object> page = page(20, null);
		List<?> edges = (List<?>) page.get("edges");
		assertThat(edges).anySatisfy(edge -> {
			var model = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("model");
			assertThat(model.get("id")).isEqualTo(member);
			assertThat(model.get("name")).isEqualTo("Renamed member");
		});
		assertThat(counts()).as("a member's facts leave the count kept").isEqualTo(counted);
	}

	/** The first page of 20 as "depth id" lines, with the total. */
	private List<String> firstPage() {
		Map<String, Object> page = page(20, null);
		List<String> lines = new ArrayList<>(lines(page));
		lines.add("total " + page.get("totalCount"));
		return lines;
	}

	private List<String> expectedFirstPage() {
		List<String> all = breadthFirst();
		List<String> lines = new ArrayList<>(all.subList(0, 20));
		lines.add("total " + all.size());
		return lines;
	}

	/** The whole family in pages of 500 following end cursors. */
	private List<String> wholeList() {
		List<String> listed = new ArrayList<>();
		String after = null;
		while (true) {
			Map<String, Object> page = page(500, after);
			listed.addAll(lines(page));
			var info = (Map<?, ?>) page.get("pageInfo");
			if (!(Boolean) info.get("hasNextPage")) {
				return listed;
			}
			after = (String) info.get("endCursor");
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> page(int first, String after) {
		return GraphQlClient.anonymous(this.port)
			.document(PAGE)
			.variable("id", HUB)
			.variable("first", first)
			.variable("after", after)
			.execute()
			.path("model.descendants")
			.entity(Map.class)
			.get();
	}

	private static List<String> lines(Map<String, Object> page) {
		List<String> lines = new ArrayList<>();
		for (Object edge : (List<?>) page.get("edges")) {
			var node = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
			lines.add(node.get("depth") + " " + ((Map<?, ?>) node.get("model")).get("id"));
		}
		return lines;
	}

	/** The family as the test recounts it ({@link BreadthFirst}). */
	private List<String> breadthFirst() {
		return BreadthFirst.descendants(this.parents, HUB);
	}

	private void register(String id) {
		Curation.register(this.port, id, id);
	}

	private void derive(String child, String parent) {
		Curation.derive(this.port, child, parent);
		edge(parent, child);
	}

	private void retract(String child, String parent) {
		Curation.retract(this.port, child, parent);
		this.parents.get(child).remove(parent);
	}

	private void edge(String parent, String child) {
		this.parents.computeIfAbsent(child, k -> new ArrayList<>()).add(parent);
	}

	/** How often the server has counted a family so far. */
	private double counts() {
		return Curation.statementsRun(this.port, "lineage/descendants-count");
	}

	private static String id(String kind, int i) {
		return "scope-fixture/" + kind + String.format("%04d", i);
	}

}
