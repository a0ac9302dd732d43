package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.pedigree.PedigreeServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of children answers {@code child} the same whether the selection reads only the
 * child's id (taken from the page's own row, no model read) or other fields (the model
 * loaded): placeholder children, later pages, pages as of a date, a relation group's
 * page.
 */
@PedigreeServerTest
class ChildrenPagesTests {

	@RegisterExtension
	final PlaceholderFixture fixture = new PlaceholderFixture();

	@Test
	void a_child_read_by_its_id_alone_is_the_child_the_model_read_finds() {
		String token = this.fixture.token();
		String base = "kids-" + token + "/base";
		PlaceholderFixture.assertNoErrors(this.fixture.post("mutation { registerModel(input: {id: \"" + base
				+ "\", name: \"Kids Base " + token + "\", releaseDate: \"2024-01-01\"}) { id } }"));
		// Two described children (one released before the date, one after), the rest
		// known
		// only by id from the edge list: placeholders.
		String early = "kids-" + token + "/c00";
		String late = "kids-" + token + "/c01";
		PlaceholderFixture.assertNoErrors(this.fixture.post("mutation { a: registerModel(input: {id: \"" + early
				+ "\", name: \"Early\", releaseDate: \"2024-03-01\"}) { id } b: registerModel(input: {id: \"" + late
				+ "\", name: \"Late\", releaseDate: \"2026-03-01\"}) { id } }"));
		List<String> children = IntStream.range(0, 25).mapToObj(i -> "kids-%s/c%02d".formatted(token, i)).toList();
		StringBuilder rows = new StringBuilder();
		children.forEach(child -> rows.append(base).append(',').append(child).append(",finetune\n"));
		PlaceholderFixture.assertNoErrors(this.fixture.edgeList(rows.toString()));

		List<String> pagedByIdAlone = pages(base, "", "id", 10);
		assertThat(pagedByIdAlone).containsExactlyElementsOf(children);
		assertThat(pages(base, "", "id name placeholder", 10)).containsExactlyElementsOf(children);
		assertThat(pages(base, "", "__typename", 10)).hasSize(children.size());
		// Fields answered from the id by their own queries.
		String body = this.fixture.post("{ model(id: \"" + base + "\") { children(first: 30) { edges { node"
				+ " { child { id children { totalCount } parents { parent { id } } } } } } } }");
		PlaceholderFixture.assertNoErrors(body);
		List<String> ids = JsonPath.read(body, "$.data.model.children.edges[*].node.child.id");
		assertThat(ids).containsExactlyElementsOf(children);
		List<String> parents = JsonPath.read(body, "$.data.model.children.edges[*].node.child.parents[*].parent.id");
		assertThat(parents).hasSize(children.size()).containsOnly(base);
		List<Boolean> placeholders = JsonPath.read(
				this.fixture.post("{ model(id: \"" + base
						+ "\") { children(first: 30) { edges { node { child { placeholder } } } } } }"),
				"$.data.model.children.edges[*].node.child.placeholder");
		assertThat(placeholders.subList(0, 2)).containsOnly(false);
		assertThat(placeholders.subList(2, 25)).containsOnly(true);

		// As of a date: the late child is invisible; without undated models only the
		// early one is left.
		List<String> visible = new ArrayList<>(children);
		visible.remove(late);
		String asOf = ", asOf: \"2025-01-01\"";
		assertThat(pages(base, asOf, "id", 10)).containsExactlyElementsOf(visible);
		assertThat(pages(base, asOf, "id releaseDate name", 10)).containsExactlyElementsOf(visible);
		assertThat(pages(base, asOf + ", includeUndated: false", "id", 10)).containsExactly(early);

		// A relation group's page.
		body = this.fixture.post("{ model(id: \"" + base + "\") { childrenByRelation(first: 30) { relation"
				+ " children { edges { node { child { id } } } } } } }");
		PlaceholderFixture.assertNoErrors(body);
		List<String> grouped = JsonPath.read(body,
				"$.data.model.childrenByRelation[*].children.edges[*].node.child.id");
		assertThat(grouped).containsExactlyInAnyOrderElementsOf(children);
	}

	/**
	 * A page after a cursor starts after its child's id: a child added before the cursor
	 * or taken back between two pages neither repeats an item nor skips one (by position,
	 * a reviewer saw one repeated and one never returned).
	 */
	@Test
	void a_write_between_two_pages_of_children_neither_repeats_nor_skips_a_child() {
		String token = this.fixture.token();
		String base = "cursor-" + token + "/base";
		StringBuilder rows = new StringBuilder();
		for (String child : List.of("c2", "c4", "c6", "c8")) {
			rows.append(base).append(",cursor-").append(token).append('/').append(child).append(",finetune\n");
		}
		PlaceholderFixture.assertNoErrors(this.fixture.edgeList(rows.toString()));
		String first = this.fixture.post("{ model(id: \"" + base + "\") { children(first: 2) { pageInfo { endCursor } "
				+ "edges { node { child { id } } } } } }");
		PlaceholderFixture.assertNoErrors(first);
		assertThat((List<String>) JsonPath.read(first, "$.data.model.children.edges[*].node.child.id"))
			.containsExactly("cursor-" + token + "/c2", "cursor-" + token + "/c4");
		String cursor = JsonPath.read(first, "$.data.model.children.pageInfo.endCursor");
		// A child that sorts first, then the first page's first child taken back.
		PlaceholderFixture.assertNoErrors(this.fixture.edgeList(base + ",cursor-" + token + "/c1,finetune\n"));
		PlaceholderFixture.assertNoErrors(this.fixture.post("mutation { retractDerivation(childId: \"cursor-" + token
				+ "/c2\", parentId: \"" + base + "\", reason: \"test\") { childId } }"));
		String next = this.fixture.post(
				"query($after: String) { model(id: \"" + base + "\") { children(first: 2, "
						+ "after: $after) { totalCount pageInfo { hasNextPage } edges { node { child { id } } } } } }",
				Map.of("after", cursor));
		PlaceholderFixture.assertNoErrors(next);
		assertThat((List<String>) JsonPath.read(next, "$.data.model.children.edges[*].node.child.id"))
			.containsExactly("cursor-" + token + "/c6", "cursor-" + token + "/c8");
		assertThat((Boolean) JsonPath.read(next, "$.data.model.children.pageInfo.hasNextPage")).isFalse();
		assertThat((Integer) JsonPath.read(next, "$.data.model.children.totalCount")).isEqualTo(4);
	}

	/**
	 * Every page of {@code id}'s children, {@code first} at a time: the children's ids.
	 */
	private List<String> pages(String id, String arguments, String selection, int first) {
		List<String> ids = new ArrayList<>();
		String after = null;
		do {
			String body = this.fixture
				.post("query($after: String) { model(id: \"" + id + "\"" + arguments + ") { children(first: " + first
						+ ", after: $after) { pageInfo { hasNextPage endCursor } edges { node { child { " + selection
						+ " } } } } } }", after == null ? Map.of() : Map.of("after", after));
			PlaceholderFixture.assertNoErrors(body);
			List<Map<String, Object>> page = JsonPath.read(body, "$.data.model.children.edges[*].node.child");
			page.forEach(child -> ids.add((String) child.getOrDefault("id", child.get("__typename"))));
			after = JsonPath.read(body, "$.data.model.children.pageInfo.hasNextPage")
					? JsonPath.read(body, "$.data.model.children.pageInfo.endCursor") : null;
		}
		while (after != null);
		return ids;
	}

}
