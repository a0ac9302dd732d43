package dev.pedigree.lineage;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small family's {@code descendants(relations: …)}, alone under its model, is one
 * statement with the model (issue 12: it was three, slower than the code the issue was
 * filed on) and answers as the field read on its own does: the same page, total and
 * cursors, a later page from them, a model reached by several paths, one of them through
 * a relation the filter leaves out, and another order with the filter.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DescendantsRelationsTests {

	private static final String ROOT = "relations-fixture/root";

	private static final String P = "relations-fixture/";

	/**
	 * The page, its total and cursors; with {@code parents} beside it the model is read
	 * on its own and the field by the field-by-field path.
	 */
	private static final String PAGE = """
			query($id: ID!, $relations: [Relation!], $first: Int, $after: String, $orderBy: DerivativeOrder) {
			  model(id: $id) { id %s descendants(relations: $relations, first: $first, after: $after, orderBy: $orderBy) {
			    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
			    edges { cursor node { depth model { id name } via { relation parent { id } child { id } } } } } } }""";

	@LocalServerPort
	int port;

	/**
	 * root ← f-finetune (FINETUNE), b-adapter, c-adapter (ADAPTER); m-merge ← f-finetune
	 * and b-adapter (ADAPTER both); n-merge ← root (FINETUNE) and c-adapter (ADAPTER);
	 * a-deep ← m-merge (ADAPTER); x-quant ← b-adapter (QUANTIZED); y-adapter ← x-quant
	 * (ADAPTER). Through adapters only: b, c at depth 1; m (from b: f is not reached) and
	 * n (from c, not at depth 1 from the root) at 2; a at 3; neither x nor y.
	 */
	@BeforeAll
	void family() {
		Curation.importRecords(this.port, "HF_EDGES", """
				parent_id,child_id,relation
				relations-fixture/root,relations-fixture/f-finetune,finetune
				relations-fixture/root,relations-fixture/b-adapter,adapter
				relations-fixture/root,relations-fixture/c-adapter,adapter
				relations-fixture/f-finetune,relations-fixture/m-merge,adapter
				relations-fixture/b-adapter,relations-fixture/m-merge,adapter
				relations-fixture/root,relations-fixture/n-merge,finetune
				relations-fixture/c-adapter,relations-fixture/n-merge,adapter
				relations-fixture/m-merge,relations-fixture/a-deep,adapter
				relations-fixture/b-adapter,relations-fixture/x-quant,quantized
				relations-fixture/x-quant,relations-fixture/y-adapter,adapter
				""");
	}

	@Test
	void a_small_familys_page_through_some_relations_is_one_statement_with_its_model() {
		double before = statements();
		String answer = GraphQlClient.postAnonymous(this.port, "{ model(id: \"" + ROOT
				+ "\") { descendants(relations: [ADAPTER], first: 3) { totalCount edges { node { depth model { id } } } } } }");
		assertThat(answer).doesNotContain("\"errors\"").contains("\"totalCount\":5");
		assertThat(statements() - before).isEqualTo(1.0);
	}

	@Test
	void a_small_familys_page_in_another_order_is_one_statement_with_its_model() {
		double before = statements();
		String answer = GraphQlClient.postAnonymous(this.port, "{ model(id: \"" + ROOT
				+ "\") { descendants(orderBy: CHILDREN, first: 3) { totalCount edges { node { depth model { id } } } } } }");
		assertThat(answer).doesNotContain("\"errors\"").contains("\"totalCount\":8");
		assertThat(statements() - before).isEqualTo(1.0);
	}

	@Test
	void pages_through_some_relations_answer_as_the_field_read_on_its_own() {
		String after = null;
		List<String> ids = new java.util.ArrayList<>();
		for (int page = 0; page < 3; page++) {
			var planned = page(ROOT, List.of("ADAPTER"), 2, after, null, "");
			assertThat(planned).isEqualTo(page(ROOT, List.of("ADAPTER"), 2, after, null, "parents { relation }"));
			ids.addAll(ids(planned));
			after = planned.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
			planned.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(5);
		}
		assertThat(ids).containsExactly(P + "b-adapter", P + "c-adapter", P + "m-merge", P + "n-merge", P + "a-deep");
		// Reached through adapters only: from b-adapter (f-finetune is left out), at 2
		// (not 1).
		var second = page(ROOT, List.of("ADAPTER"), 2,
				page(ROOT, List.of("ADAPTER"), 2, null, null, "").path("model.descendants.pageInfo.endCursor")
					.entity(String.class)
					.get(),
				null, "");
		second.path("model.descendants.edges[0].node.depth").entity(Integer.class).isEqualTo(2);
		second.path("model.descendants.edges[0].node.via.parent.id").entity(String.class).isEqualTo(P + "b-adapter");
		second.path("model.descendants.edges[1].node.via.parent.id").entity(String.class).isEqualTo(P + "c-adapter");
		second.path("model.descendants.edges[*].node.via.relation")
			.entityList(String.class)
			.containsExactly("ADAPTER", "ADAPTER");
	}

	@Test
	void other_filters_orders_and_empty_families_answer_as_the_field_read_on_its_own() {
		// Every page of each, three entries a page (the whole family: eight).
		for (var relations : java.util.Arrays.asList(null, List.of("ADAPTER"), List.of("ADAPTER", "QUANTIZED"),
				List.of("MERGE"))) {
			for (String orderBy : java.util.Arrays.asList(null, "ID", "CHILDREN", "DOWNLOADS", "CREATED")) {
				String after = null;
				boolean more = true;
				while (more) {
					var planned = page(ROOT, relations, 3, after, orderBy, "");
					assertThat(planned).as(relations + " " + orderBy + " after " + after)
						.isEqualTo(page(ROOT, relations, 3, after, orderBy, "parents { relation }"));
					more = planned.path("model.descendants.pageInfo.hasNextPage").entity(Boolean.class).get();
					if (more) {
						after = planned.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
					}
				}
			}
		}
		assertThat(ids(page(ROOT, List.of("ADAPTER"), 10, null, "ID", ""))).containsExactly(P + "a-deep",
				P + "b-adapter", P + "c-adapter", P + "m-merge", P + "n-merge");
		assertThat(ids(page(ROOT, List.of("ADAPTER", "QUANTIZED"), 10, null, null, ""))).contains(P + "x-quant",
				P + "y-adapter");
		page(ROOT, List.of("MERGE"), 10, null, null, "").path("model.descendants.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	/**
	 * The model's id and the descendants page as JSON, with {@code beside} selected too.
	 */
	private Answer page(String id, List<String> relations, int first, String after, String orderBy, String beside) {
		var response = GraphQlClient.anonymous(this.port)
			.document(PAGE.formatted(beside))
			.variable("id", id)
			.variable("relations", relations)
			.variable("first", first)
			.variable("after", after)
			.variable("orderBy", orderBy)
			.execute();
		return new Answer(response.path("model.id").entity(String.class).get(),
				response.path("model.descendants").entity(Object.class).get(), response);
	}

	/** What the two paths must agree on; the response for further looks. */
	private record Answer(String id, Object descendants, GraphQlTester.Response response) {

		GraphQlTester.Path path(String path) {
			return this.response.path(path);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Answer that && this.id.equals(that.id) && this.descendants.equals(that.descendants);
		}

		@Override
		public int hashCode() {
			return this.id.hashCode();
		}

		@Override
		public String toString() {
			return this.id + " " + this.descendants;
		}

	}

	private static List<String> ids(Answer answer) {
		return answer.path("model.descendants.edges[*].node.model.id").entityList(String.class).get();
	}

	/** Statements run for GraphQL requests so far (background work runs beside). */
	private double statements() {
		var matcher = java.util.regex.Pattern.compile("(?m)^pedigree_db_queries_seconds_count\\{([^}]*)\\} (\\S+)$")
			.matcher(GraphQlClient.metrics(this.port));
		double sum = 0;
		while (matcher.find()) {
			if (matcher.group(1).contains("origin=\"graphql\"")) {
				sum += Double.parseDouble(matcher.group(2));
			}
		}
		return sum;
	}

}
