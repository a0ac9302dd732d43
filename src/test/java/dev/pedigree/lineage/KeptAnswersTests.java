package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model's ancestors and parents, asked again, come from memory (no statement runs)
 * until this instance writes something that touches a model the answer was read from: a
 * write elsewhere keeps them, a model's own facts, a derivation added above an ancestor
 * and a retraction inside the chain show at once. A change made behind the service's back
 * (as another instance of a cluster would) is not seen until a write here touches the
 * chain, except by a request that passes its bookmark.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptAnswersTests {

	private static final String ROOT = "kept-fixture/root";

	private static final String BASE = "kept-fixture/base";

	private static final String TUNE = "kept-fixture/tune";

	private static final String LEAF = "kept-fixture/leaf";

	private static final String ELSEWHERE = "kept-fixture/elsewhere";

	private static final String ANCESTORS = """
			query($id: ID!) { model(id: $id) { id ancestors { depth model { id name } } } }""";

	private static final String PARENTS = """
			query($id: ID!) { model(id: $id) { id parents { relation parent { id name } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@BeforeAll
	void chain() {
		for (String id : List.of(ROOT, BASE, TUNE, LEAF, ELSEWHERE)) {
			register(id, id);
		}
		derive(BASE, ROOT);
		derive(TUNE, BASE);
		derive(LEAF, TUNE);
	}

	@Test
	void ancestors_are_kept_through_writes_elsewhere_and_dropped_by_a_write_on_the_chain() {
		assertThat(ancestors(LEAF)).containsExactly("1 " + TUNE + " " + TUNE, "2 " + BASE + " " + BASE,
				"3 " + ROOT + " " + ROOT);
		double read = statements("lineage/ancestors-depths");
		assertThat(read).as("the chain read by its statement").isPositive();
		assertThat(ancestors(LEAF)).hasSize(3);
		assertThat(statements("lineage/ancestors-depths")).as("asked again: kept").isEqualTo(read);

		register("kept-fixture/unrelated", "unrelated");
		derive("kept-fixture/unrelated", ELSEWHERE);
		register(ELSEWHERE, "Elsewhere renamed");
		assertThat(ancestors(LEAF)).hasSize(3);
		assertThat(statements("lineage/ancestors-depths")).as("writes elsewhere: still kept").isEqualTo(read);

		// Behind the service's back: not seen from memory, seen by a request with the
		// write's bookmark, and by everyone once a write here touches the chain.
		String bookmark = behindTheBack("MATCH (m:Model {id: $id}) SET m.name = 'Renamed behind'", BASE);
		assertThat(ancestors(LEAF)).contains("2 " + BASE + " " + BASE);
		assertThat(withBookmark(bookmark).document(ANCESTORS)
			.variable("id", LEAF)
			.execute()
			.path("model.ancestors[1].model.name")
			.entity(String.class)
			.get()).isEqualTo("Renamed behind");

		register(ROOT, "Root renamed");
		assertThat(ancestors(LEAF)).containsExactly("1 " + TUNE + " " + TUNE, "2 " + BASE + " Renamed behind",
				"3 " + ROOT + " Root renamed");

		// A derivation above the top ancestor, then a retraction in the middle.
		register("kept-fixture/origin", "origin");
		derive(ROOT, "kept-fixture/origin");
		assertThat(ancestors(LEAF)).hasSize(4).endsWith("4 kept-fixture/origin origin");
		retract(TUNE, BASE);
		assertThat(ancestors(LEAF)).containsExactly("1 " + TUNE + " " + TUNE);
		assertThat(ancestors(LEAF)).isEqualTo(recountedAncestors(LEAF));
	}

	@Test
	void parents_are_kept_until_the_model_or_a_parent_is_written() {
		String child = "kept-fixture/child";
		register(child, child);
		derive(child, LEAF);
		assertThat(parents(child)).containsExactly("FINETUNE " + LEAF + " " + LEAF);
		double read = statements("lineage/model-with-parents");
		assertThat(parents(child)).hasSize(1);
		register("kept-fixture/another", "another");
		assertThat(parents(child)).hasSize(1);
		assertThat(statements("lineage/model-with-parents")).as("kept").isEqualTo(read);

		register(LEAF, "Leaf renamed");
		assertThat(parents(child)).containsExactly("FINETUNE " + LEAF + " Leaf renamed");
		register("kept-fixture/second", "second");
		derive(child, "kept-fixture/second");
		assertThat(parents(child)).containsExactly("FINETUNE " + LEAF + " Leaf renamed",
				"FINETUNE kept-fixture/second second");
		assertThat(statements("lineage/model-with-parents")).isEqualTo(read + 2);
		assertThat(parents(child)).hasSize(2);
		assertThat(statements("lineage/model-with-parents")).as("kept again").isEqualTo(read + 2);
	}

	@Test
	void a_small_familys_page_is_kept_until_a_write_touches_a_member() {
		String fam = "kept-fixture/family";
		register(fam, fam);
		for (String child : List.of("f1", "f2")) {
			register("kept-fixture/" + child, child);
			derive("kept-fixture/" + child, fam);
		}
		register("kept-fixture/g1", "g1");
		derive("kept-fixture/g1", "kept-fixture/f1");
		assertThat(descendants(fam)).containsExactly("total 3", "1 kept-fixture/f1 f1", "1 kept-fixture/f2 f2",
				"2 kept-fixture/g1 g1");
		double read = statements("lineage/model-with-descendants-depths");
		register("kept-fixture/outsider", "outsider");
		assertThat(descendants(fam)).hasSize(4);
		assertThat(statements("lineage/model-with-descendants-depths")).as("kept").isEqualTo(read);

		// Three levels down, then a member's own facts.
		register("kept-fixture/h1", "h1");
		derive("kept-fixture/h1", "kept-fixture/g1");
		assertThat(descendants(fam)).containsExactly("total 4", "1 kept-fixture/f1 f1", "1 kept-fixture/f2 f2",
				"2 kept-fixture/g1 g1", "3 kept-fixture/h1 h1");
		register("kept-fixture/f2", "f2 renamed");
		assertThat(descendants(fam)).contains("1 kept-fixture/f2 f2 renamed");
		assertThat(statements("lineage/model-with-descendants-depths")).isEqualTo(read + 2);
	}

	@Test
	void a_large_familys_kept_count_does_not_answer_a_request_with_a_bookmark() {
		String hub = "kept-fixture/hub";
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < FamilyIndex.MIN_CACHED; i++) {
			edges.append(hub).append(",kept-fixture/hub-child-").append(i).append(",finetune\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
		String count = "query($id: ID!) { model(id: $id) { descendants(first: 5) { totalCount } } }";
		assertThat(total(GraphQlClient.anonymous(this.port), count, hub)).isEqualTo(FamilyIndex.MIN_CACHED);

		String bookmark = behindTheBack("""
				MATCH (h:Model {id: $id})
				CREATE (:Model {id: $id + '-late'})-[:DERIVED_FROM {relation: 'FINETUNE'}]->(h)""", hub);
		assertThat(total(GraphQlClient.anonymous(this.port), count, hub)).as("kept").isEqualTo(FamilyIndex.MIN_CACHED);
		try {
			assertThat(total(withBookmark(bookmark), count, hub)).as("with the write's bookmark")
				.isEqualTo(FamilyIndex.MIN_CACHED + 1);
		}
		finally {
			// The bare node is no model an import could write: other tests export and
			// restore the whole store.
			behindTheBack("MATCH (m:Model {id: $id + '-late'}) DETACH DELETE m", hub);
		}
	}

	private static int total(HttpGraphQlTester client, String document, String id) {
		return client.document(document)
			.variable("id", id)
			.execute()
			.path("model.descendants.totalCount")
			.entity(Integer.class)
			.get();
	}

	/** A family's first page as "depth id name" lines after its total. */
	@SuppressWarnings("unchecked")
	private List<String> descendants(String id) {
		Map<String, Object> page = GraphQlClient.anonymous(this.port)
			.document("""
					query($id: ID!) { model(id: $id) { descendants(first: 10) {
					  totalCount edges { node { depth model { id name } } } } } }""")
			.variable("id", id)
			.execute()
			.path("model.descendants")
			.entity(Map.class)
			.get();
		List<String> lines = new java.util.ArrayList<>();
		lines.add("total " + page.get("totalCount"));
		for (Object edge : (List<?>) page.get("edges")) {
			var node = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
			var model = (Map<?, ?>) node.get("model");
			lines.add(node.get("depth") + " " + model.get("id") + " " + model.get("name"));
		}
		return lines;
	}

	/** The ancestors as "depth id name" lines. */
	@SuppressWarnings("unchecked")
	private List<String> ancestors(String id) {
		List<Map<String, Object>> entries = GraphQlClient.anonymous(this.port)
			.document(ANCESTORS)
			.variable("id", id)
			.execute()
			.path("model.ancestors")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		return entries.stream().map(e -> {
			var model = (Map<?, ?>) e.get("model");
			return e.get("depth") + " " + model.get("id") + " " + model.get("name");
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> parents(String id) {
		return GraphQlClient.anonymous(this.port)
			.document(PARENTS)
			.variable("id", id)
			.execute()
			.path("model.parents")
			.entityList(Map.class)
			.get()
			.stream()
			.map(d -> {
				var parent = (Map<?, ?>) ((Map<String, Object>) d).get("parent");
				return d.get("relation") + " " + parent.get("id") + " " + parent.get("name");
			})
			.toList();
	}

	/** The ancestors as the store holds them now, read with the test's own Cypher. */
	private List<String> recountedAncestors(String id) {
		try (var session = this.driver.session()) {
			return session.run("""
					MATCH p = SHORTEST 1 (:Model {id: $id})-[:DERIVED_FROM]->+(a:Model)
					RETURN length(p) + ' ' + a.id + ' ' + a.name AS line ORDER BY length(p), a.id""", Map.of("id", id))
				.list(r -> r.get("line").asString());
		}
	}

	/** A write straight to the store, as another instance would make it; its bookmark. */
	private String behindTheBack(String cypher, String id) {
		try (var session = this.driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("id", id)).consume());
			return session.lastBookmarks().iterator().next().value();
		}
	}

	private HttpGraphQlTester withBookmark(String bookmark) {
		return GraphQlClient.anonymous(this.port).mutate().header("Pedigree-Bookmark", bookmark).build();
	}

	private void register(String id, String name) {
		Curation.register(this.port, id, name);
	}

	private void derive(String child, String parent) {
		Curation.derive(this.port, child, parent);
	}

	private void retract(String child, String parent) {
		Curation.retract(this.port, child, parent);
	}

	/** How often the server has run the statement {@code query} so far. */
	private double statements(String query) {
		return Curation.statementsRun(this.port, query);
	}

}
