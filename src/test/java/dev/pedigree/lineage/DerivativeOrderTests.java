package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derivatives ordered and grouped the way the Hub's model tree shows them, over
 * GraphQL/HTTP, checked against edges.csv and the downloads in nodes.csv.
 */
@PedigreeServerTest
class DerivativeOrderTests {

	private static final String GEMMA = "google/gemma-7b";

	@LocalServerPort
	int port;

	private final List<TestData.Edge> edges = TestData.huggingFaceEdges();

	private final Map<String, Long> downloads = TestData.huggingFaceDownloads();

	@Test
	void children_by_downloads_put_the_most_used_first_and_page_on_in_that_order() {
		List<String> expected = childrenOf(GEMMA, null).stream().sorted(TestData.byDownloads(this.downloads)).toList();
		List<String> actual = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			var response = children(GEMMA, 20, after, "DOWNLOADS", null);
			actual.addAll(ids(response, "model.children.edges[*].node.child.id"));
			after = response.path("model.children.pageInfo.endCursor").entity(String.class).get();
			response.path("model.children.totalCount").entity(Integer.class).isEqualTo(expected.size());
		}
		assertThat(actual).isEqualTo(expected.subList(0, 60));
		assertThat(actual.get(0)).isEqualTo("google/gemma-7b-it");
	}

	@Test
	void children_filtered_by_relation_count_and_list_only_that_relation() {
		List<String> expected = childrenOf(GEMMA, "FINETUNE").stream()
			.sorted(TestData.byDownloads(this.downloads))
			.toList();
		var response = children(GEMMA, 500, null, "DOWNLOADS", List.of("FINETUNE"));
		response.path("model.children.totalCount").entity(Integer.class).isEqualTo(expected.size());
		response.path("model.children.edges[*].node.relation")
			.entityList(String.class)
			.satisfies(relations -> assertThat(relations).containsOnly("FINETUNE"));
		assertThat(ids(response, "model.children.edges[*].node.child.id")).isEqualTo(expected);
	}

	@Test
	void children_keep_id_order_by_default() {
		List<String> expected = childrenOf(GEMMA, null).stream().sorted().limit(20).toList();
		assertThat(ids(children(GEMMA, 20, null, null, null), "model.children.edges[*].node.child.id"))
			.isEqualTo(expected);
	}

	@Test
	void children_by_relation_give_each_group_its_count_and_most_downloaded_first_page() {
		Map<String, List<String>> groups = new TreeMap<>();
		this.edges.stream()
			.filter(e -> e.parent().equals(GEMMA))
			.forEach(e -> groups.computeIfAbsent(e.relation().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
				.add(e.child()));
		groups.values().forEach(members -> members.sort(TestData.byDownloads(this.downloads)));

		var response = GraphQlClient.anonymous(this.port)
			.documentName("childrenByRelation")
			.variable("id", GEMMA)
			.variable("first", 5)
			.execute();
		List<Map<String, Object>> actual = response.path("model.childrenByRelation")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();

		assertThat(actual.stream().collect(Collectors.toMap(g -> (String) g.get("relation"), g -> g.get("count"))))
			.isEqualTo(groups.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue().size())));
		assertThat(actual.stream().map(g -> (Integer) g.get("count")).toList()).as("largest group first")
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		for (int i = 0; i < actual.size(); i++) {
			String relation = (String) actual.get(i).get("relation");
			List<String> expected = groups.get(relation);
			List<String> firstPage = ids(response,
					"model.childrenByRelation[" + i + "].children.edges[*].node.child.id");
			assertThat(firstPage).as(relation).isEqualTo(expected.subList(0, Math.min(5, expected.size())));
			if (expected.size() > 5) {
				// Paging inside a group: its cursor continues in children(relations:
				// [relation], orderBy: DOWNLOADS).
				String cursor = response.path("model.childrenByRelation[" + i + "].children.pageInfo.endCursor")
					.entity(String.class)
					.get();
				response.path("model.childrenByRelation[" + i + "].children.pageInfo.hasNextPage")
					.entity(Boolean.class)
					.isEqualTo(true);
				var next = children(GEMMA, 5, cursor, "DOWNLOADS", List.of(relation));
				assertThat(ids(next, "model.children.edges[*].node.child.id")).as(relation + ", second page")
					.isEqualTo(expected.subList(5, Math.min(10, expected.size())));
			}
		}
		assertThat(ids(response, "model.childrenByRelation[*].children.edges[*].node.child.id"))
			.contains("google/gemma-7b-it");
	}

	@Test
	void descendants_by_downloads_order_the_whole_family_and_keep_its_total() {
		Map<String, Integer> family = TestData.reachable(this.edges, GEMMA, true);
		List<String> expected = family.keySet().stream().sorted(TestData.byDownloads(this.downloads)).toList();
		List<String> actual = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 2; page++) {
			var response = GraphQlClient.anonymous(this.port)
				.documentName("descendantsOrdered")
				.variable("id", GEMMA)
				.variable("first", 50)
				.variable("after", after)
				.variable("orderBy", "DOWNLOADS")
				.execute();
			response.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(family.size());
			actual.addAll(ids(response, "model.descendants.edges[*].node.model.id"));
			after = response.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(actual).isEqualTo(expected.subList(0, 100));
	}

	private List<String> childrenOf(String parent, String relation) {
		return this.edges.stream()
			.filter(e -> e.parent().equals(parent)
					&& (relation == null || e.relation().toUpperCase(Locale.ROOT).equals(relation)))
			.map(TestData.Edge::child)
			.toList();
	}

	private GraphQlTester.Response children(String id, int first, String after, String orderBy,
			List<String> relations) {
		return GraphQlClient.anonymous(this.port)
			.documentName("children")
			.variable("id", id)
			.variable("first", first)
			.variable("after", after)
			.variable("orderBy", orderBy)
			.variable("relations", relations)
			.execute();
	}

	private static List<String> ids(GraphQlTester.Response response, String path) {
		return response.path(path).entityList(String.class).get();
	}

}
