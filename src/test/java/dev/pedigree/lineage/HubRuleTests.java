package dev.pedigree.lineage;

import java.util.ArrayList;
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
 * Large families and hubs: a model with a few dozen direct derivatives over a family of
 * thousands (a base model whose instruct child is a hub) is a hub too, its first page
 * walked level by level, not answered by ordering the whole family; pages past a hub's
 * first level come from the family's order; a cursor answers the same page whichever path
 * reads it; a large hub's kept relation groups. Its own unseeded store, closed after the
 * class: families of a thousand would join the seeded store's largest families, which
 * other tests list.
 */
@PedigreeServerTest
@TestPropertySource(properties = "pedigree.seed.enabled=false")
@DirtiesContext
class HubRuleTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void a_mid_size_first_level_over_a_large_family_is_walked_not_ordered_whole() {
		hubOverLargeFamily("hub");
		double walks = walks();
		String answer = GraphQlClient.postAnonymous(this.port,
				"{ model(id: \"hub/base\") { descendants(first: 20) { totalCount edges { node { depth model { id } } } } } }");
		assertThat(answer).doesNotContain("\"errors\"")
			.contains("\"totalCount\":1025")
			.contains("{\"node\":{\"depth\":1,\"model\":{\"id\":\"hub/tune-00\"}}}")
			.doesNotContain("hub/quant-");
		assertThat(walks()).isGreaterThan(walks);
	}

	/**
	 * Past the hub's first level a walk would read about the whole family for each page:
	 * the family is ordered once and later pages come from that order, after the cursor's
	 * entry as the walked first level is: after a write ahead of the cursor the page
	 * starts right after it, whether the order was kept or read again.
	 */
	@Test
	void pages_past_a_hubs_first_level_are_read_from_its_order() {
		hubOverLargeFamily("deep");
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 2; page++) {
			var response = descendants(after);
			ids.addAll(response.path("model.descendants.edges[*].node.model.id").entityList(String.class).get());
			after = response.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(ids).hasSize(40).endsWith("deep/quant-0013", "deep/quant-0014");
		assertThat(ids.subList(24, 26)).containsExactly("deep/tune-24", "deep/quant-0000");
		var third = descendants(after);
		double readsAfterThird = walks() + orders();
		String cursorBeforeWrite = third.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
		assertThat(third.path("model.descendants.edges[*].node.model.id").entityList(String.class).get())
			.startsWith("deep/quant-0015")
			.endsWith("deep/quant-0034");
		var fourth = descendants(cursorBeforeWrite);
		assertThat(fourth.path("model.descendants.edges[*].node.model.id").entityList(String.class).get())
			.startsWith("deep/quant-0035")
			.endsWith("deep/quant-0054");
		fourth.path("model.descendants.edges[0].node.depth").entity(Integer.class).isEqualTo(2);
		assertThat(walks() + orders()).as("the fourth page read from the third's order").isEqualTo(readsAfterThird);

		Curation.importRecords(this.port, "HF_EDGES",
				"parent_id,child_id,relation\ndeep/tune-00,deep/quant-0000a,quantized\n");
		var afterWrite = descendants(cursorBeforeWrite);
		afterWrite.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(1_026);
		List<String> once = afterWrite.path("model.descendants.edges[*].node.model.id").entityList(String.class).get();
		assertThat(once).hasSize(20).startsWith("deep/quant-0035");
		assertThat(descendants(cursorBeforeWrite).path("model.descendants.edges[*].node.model.id")
			.entityList(String.class)
			.get()).as("the order kept by the first request").isEqualTo(once);
	}

	/**
	 * A client paging near the end of a hub's first level has the family ordered in the
	 * background, so the pages from there on are read from the order; requests that need
	 * an order being read wait for that one read.
	 */
	@Test
	void paging_near_the_end_of_a_hubs_first_level_orders_the_family_ahead_and_one_read_serves_all() throws Exception {
		hubOverLargeFamily("ahead", 70);
		String cursor = endCursor(page("ahead/base", null, null, false));
		double before = orders();
		cursor = endCursor(page("ahead/base", cursor, null, false));
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		while (orders() == before && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(orders()).as("ordered in the background after the second page").isEqualTo(before + 1);
		cursor = endCursor(page("ahead/base", cursor, null, false));
		var fourth = page("ahead/base", cursor, null, false);
		assertThat(ids(fourth)).hasSize(20).startsWith("ahead/tune-60").endsWith("ahead/quant-0009");
		assertThat(orders()).as("the next pages read from that order").isEqualTo(before + 1);

		Curation.importRecords(this.port, "HF_EDGES",
				"parent_id,child_id,relation\nahead/tune-00,ahead/quant-0000a,quantized\n");
		String deep = endCursor(fourth);
		double afterWrite = orders();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var pages = new ArrayList<java.util.concurrent.Future<List<String>>>();
			for (int i = 0; i < 4; i++) {
				pages.add(pool.submit(() -> ids(page("ahead/base", deep, null, false))));
			}
			for (var next : pages) {
				assertThat(next.get()).hasSize(20).startsWith("ahead/quant-0010");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(orders()).as("one order read for four requests").isEqualTo(afterWrite + 1);
	}

	/**
	 * A write adds a first-level derivative ahead of a hub's first cursor: the pages from
	 * the walked first level into the order past it list every member once.
	 */
	@Test
	void paging_a_hub_past_its_first_level_after_a_write_repeats_no_entry() {
		hubOverLargeFamily("rv");
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			if (page == 1) {
				Curation.importRecords(this.port, "HF_EDGES",
						"parent_id,child_id,relation\nrv/base,rv/tune-05a,finetune\n");
			}
			var response = descendants("rv/base", after);
			ids.addAll(response.path("model.descendants.edges[*].node.model.id").entityList(String.class).get());
			after = response.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(ids).hasSize(60).doesNotHaveDuplicates().contains("rv/quant-0014", "rv/quant-0015");
	}

	/**
	 * A large family that is not a hub (5 direct derivatives under a page of 20, 1,255
	 * members): after a write ahead of a cursor, the same request answers the same page
	 * whether the family's order was dropped (the statement) or kept again, and so does
	 * the same field with {@code truncated} selected (read field by field).
	 */
	@Test
	void a_cursor_answers_the_same_page_from_the_statement_a_kept_order_and_the_field() {
		largeFamily("same/root");
		String first = endCursor(page("same/root", null, null, false));
		String cursor = endCursor(page("same/root", first, null, false));
		Curation.importRecords(this.port, "HF_EDGES",
				"parent_id,child_id,relation\nsame/root-c0,same/root-c0-g0000a,quantized\n");
		List<String> once = ids(page("same/root", cursor, null, false));
		assertThat(once).hasSize(20);
		assertThat(ids(page("same/root", cursor, null, false))).as("kept order").isEqualTo(once);
		assertThat(ids(page("same/root", cursor, null, true))).as("the field").isEqualTo(once);
	}

	/**
	 * A large family's first page read without derivations (depths only, the cheaper
	 * statement) keeps the family's order with each member's parent: later pages that
	 * read {@code via} from that order answer what the field answers, for a member
	 * reached by paths of two lengths too (at its least depth, through its parent there).
	 */
	@Test
	void a_large_familys_order_kept_by_a_page_without_derivations_names_each_members_parent() {
		largeFamily("par/root");
		// par/root-c1-g0007 is also a direct derivative of the root, and
		// par/root-c2-g0003
		// also derives from par/root-c0-g0001 (depth 3 that way, 2 through its first
		// parent).
		Curation.importRecords(this.port, "HF_EDGES", """
				parent_id,child_id,relation
				par/root,par/root-c1-g0007,merge
				par/root-c0-g0001,par/root-c2-g0003,merge
				""");
		double depths = Curation.statementsRun(this.port, "lineage/model-with-descendants-depths");
		var first = page("par/root", null, null, false);
		assertThat(Curation.statementsRun(this.port, "lineage/model-with-descendants-depths")).isEqualTo(depths + 1);
		assertThat(ids(first)).startsWith("par/root-c0", "par/root-c1", "par/root-c1-g0007", "par/root-c2");
		first.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(1_255);
		String cursor = endCursor(first);
		double full = Curation.statementsRun(this.port, "lineage/model-with-descendants");
		List<Map<String, Object>> read = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			String document = "query ($after: String) { model(id: \"par/root\") { descendants(first: 200, "
					+ "after: $after) { TRUNCATED edges { node { depth model { id } via { relation parent { id } } } } "
					+ "pageInfo { endCursor } } } }";
			var planned = GraphQlClient.anonymous(this.port)
				.document(document.replace("TRUNCATED", ""))
				.variable("after", cursor)
				.execute();
			List<Map<String, Object>> entries = planned.path("model.descendants.edges[*].node")
				.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			var field = GraphQlClient.anonymous(this.port)
				.document(document.replace("TRUNCATED", "truncated"))
				.variable("after", cursor)
				.execute();
			assertThat(entries).as("page " + page)
				.hasSize(200)
				.isEqualTo(field.path("model.descendants.edges[*].node")
					.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
					})
					.get());
			read.addAll(entries);
			cursor = endCursor(planned);
		}
		// Past the first page each member's parent at its least depth is its id without
		// the last "-" part (par/root-c2-g0003 too: depth 2 through par/root-c2).
		assertThat(read).hasSize(600).allSatisfy(entry -> {
			String id = (String) ((Map<?, ?>) entry.get("model")).get("id");
			assertThat(((Map<?, ?>) ((Map<?, ?>) entry.get("via")).get("parent")).get("id")).as(id)
				.isEqualTo(id.substring(0, id.lastIndexOf('-')));
		});
		assertThat(read).contains(Map.of("depth", 2, "model", Map.of("id", "par/root-c2-g0003"), "via",
				Map.of("relation", "QUANTIZED", "parent", Map.of("id", "par/root-c2"))));
		assertThat(Curation.statementsRun(this.port, "lineage/model-with-descendants-depths")
				+ Curation.statementsRun(this.port, "lineage/model-with-descendants"))
			.as("later pages read from the kept order")
			.isEqualTo(depths + 1 + full);
	}

	/**
	 * After a write ahead of a cursor, a hub's next page past its first level starts
	 * right after the cursor's entry on the planned path and on the field path alike.
	 */
	@Test
	void after_a_write_ahead_of_a_hubs_cursor_both_paths_start_right_after_its_entry() {
		hubOverLargeFamily("ks");
		String cursor = null;
		for (int page = 0; page < 3; page++) {
			cursor = endCursor(page("ks/base", cursor, null, false));
		}
		Curation.importRecords(this.port, "HF_EDGES", "parent_id,child_id,relation\nks/base,ks/tune-00a,finetune\n");
		List<String> planned = ids(page("ks/base", cursor, null, false));
		assertThat(planned).hasSize(20).startsWith("ks/quant-0035");
		assertThat(ids(page("ks/base", cursor, null, true))).as("the field").isEqualTo(planned);
	}

	/**
	 * After a write ahead of a cursor, a small family's next page (one statement with its
	 * count) starts right after the cursor's entry, as the field's does.
	 */
	@Test
	void after_a_write_ahead_of_a_small_familys_cursor_the_next_page_starts_right_after_its_entry() {
		StringBuilder small = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 30; i++) {
			small.append("ksmall/root,ksmall/c").append(String.format("%02d", i)).append(",finetune\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", small.toString());
		String first = endCursor(page("ksmall/root", null, null, false));
		Curation.importRecords(this.port, "HF_EDGES",
				"parent_id,child_id,relation\nksmall/root,ksmall/c00a,finetune\n");
		List<String> second = ids(page("ksmall/root", first, null, false));
		assertThat(second).hasSize(10).startsWith("ksmall/c20").endsWith("ksmall/c29");
		assertThat(ids(page("ksmall/root", first, null, true))).as("the field").isEqualTo(second);
	}

	/**
	 * A cursor the field reads by its position alone (no (depth, id) key) answers a page
	 * on the planned path too, in any order, with the family's order kept or not.
	 */
	@Test
	void a_cursor_without_a_depth_key_is_placed_by_its_offset() {
		largeFamily("pos/root");
		String cursor = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("pos:19:abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		for (String orderBy : java.util.Arrays.asList(null, "ID", "DOWNLOADS")) {
			for (int round = 0; round < 2; round++) {
				var planned = page("pos/root", cursor, orderBy, false);
				var field = page("pos/root", cursor, orderBy, true);
				planned.errors().verify();
				field.errors().verify();
				assertThat(ids(planned)).as(orderBy + ", round " + round).isEqualTo(ids(field)).hasSize(20);
			}
		}
		StringBuilder hub = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 1_000; i++) {
			hub.append("poshub/base,poshub/c").append(String.format("%04d", i)).append(",finetune\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", hub.toString());
		var planned = page("poshub/base", cursor, null, false);
		planned.errors().verify();
		assertThat(ids(planned)).as("a hub").isEqualTo(ids(page("poshub/base", cursor, null, true))).hasSize(20);
	}

	/**
	 * A relations filter is a set: the same relations listed in another order (or twice)
	 * are answered from the order kept for the first.
	 */
	@Test
	void a_large_familys_filtered_order_is_kept_once_whatever_order_the_relations_are_listed_in() {
		largeFamily("set/root");
		String query = "{ model(id: \"set/root\") { descendants(first: 20, relations: [RELATIONS]) "
				+ "{ totalCount edges { node { model { id } } } } } }";
		String first = GraphQlClient.postAnonymous(this.port, query.replace("RELATIONS", "QUANTIZED, FINETUNE"));
		assertThat(first).doesNotContain("\"errors\"").contains("\"totalCount\":1255");
		double orders = filteredOrders();
		assertThat(GraphQlClient.postAnonymous(this.port, query.replace("RELATIONS", "FINETUNE, QUANTIZED, FINETUNE")))
			.isEqualTo(first);
		assertThat(filteredOrders()).as("no second order of the family").isEqualTo(orders);
	}

	/**
	 * Children's relations filter is a set too: a hub's children in another order, listed
	 * with the same relations in another order, come from the order kept for the first.
	 */
	@Test
	void a_hubs_filtered_children_order_is_kept_once_whatever_order_the_relations_are_listed_in() {
		StringBuilder hub = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 1_000; i++) {
			hub.append("chset/base,chset/c").append(String.format("%04d", i));
			hub.append(i % 2 == 0 ? ",finetune\n" : ",quantized\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", hub.toString());
		String query = "{ model(id: \"chset/base\") { children(first: 5, orderBy: DOWNLOADS, relations: [RELATIONS]) "
				+ "{ totalCount edges { node { child { id } } } } } }";
		String first = GraphQlClient.postAnonymous(this.port, query.replace("RELATIONS", "QUANTIZED, FINETUNE"));
		assertThat(first).doesNotContain("\"errors\"").contains("\"totalCount\":1000");
		double orders = Curation.statementsRun(this.port, "lineage/children-order");
		assertThat(orders).as("the children's order read").isPositive();
		assertThat(GraphQlClient.postAnonymous(this.port, query.replace("RELATIONS", "FINETUNE, QUANTIZED, FINETUNE")))
			.isEqualTo(first);
		assertThat(Curation.statementsRun(this.port, "lineage/children-order")).as("no second order of the children")
			.isEqualTo(orders);
	}

	/**
	 * Ids beyond the basic plane (an emoji's surrogate pair sorts before U+FF5E in
	 * UTF-16, after it by code point): every path pages them in the database's order, so
	 * walking a family one entry at a time lists each member once, alike on the statement
	 * (the page placed by Cypher) and on the field (placed in Java).
	 */
	@Test
	void ids_beyond_the_basic_plane_are_listed_once_on_the_statement_and_the_field_alike() {
		List<String> children = List.of("cp/m-a", "cp/m-z", "cp/m-\uFF5E", "cp/m-\uD83D\uDE00", "cp/m-\uD83D\uDE01");
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		children.forEach(child -> edges.append("cp/root,").append(child).append(",finetune\n"));
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
		List<String> statement = oneByOne("cp/root", false);
		List<String> field = oneByOne("cp/root", true);
		assertThat(field).as("the field").containsExactlyInAnyOrderElementsOf(children);
		assertThat(statement).as("the statement").isEqualTo(field);
	}

	private List<String> oneByOne(String id, boolean field) {
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int i = 0; i < 10; i++) {
			var response = GraphQlClient.anonymous(this.port)
				.document("query ($id: ID!, $after: String) { model(id: $id) { descendants(first: 1, after: $after) { "
						+ (field ? "truncated " : "")
						+ "edges { node { model { id } } } pageInfo { endCursor hasNextPage } } } }")
				.variable("id", id)
				.variable("after", after)
				.execute();
			ids.addAll(ids(response));
			if (!response.path("model.descendants.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				break;
			}
			after = endCursor(response);
		}
		return ids;
	}

	private double filteredOrders() {
		return Curation.statementsRun(this.port, "lineage/model-with-descendants-filtered")
				+ Curation.statementsRun(this.port, "lineage/descendants-order-filtered");
	}

	/**
	 * {@code prefix/base} with 25 direct derivatives ({@code prefix/tune-00} …), the
	 * first with 1,000 of its own ({@code prefix/quant-0000} …).
	 */
	private void hubOverLargeFamily(String prefix) {
		hubOverLargeFamily(prefix, 25);
	}

	/**
	 * As {@link #hubOverLargeFamily(String)} with {@code firstLevel} direct derivatives.
	 */
	private void hubOverLargeFamily(String prefix, int firstLevel) {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < firstLevel; i++) {
			edges.append(prefix).append("/base,").append(prefix).append("/tune-").append(String.format("%02d", i));
			edges.append(",finetune\n");
		}
		for (int i = 0; i < 1_000; i++) {
			edges.append(prefix).append("/tune-00,").append(prefix).append("/quant-").append(String.format("%04d", i));
			edges.append(",quantized\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
	}

	/** 5 direct derivatives of {@code root}, 250 below each. */
	private void largeFamily(String root) {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int c = 0; c < 5; c++) {
			edges.append(root).append(',').append(root).append("-c").append(c).append(",finetune\n");
			for (int g = 0; g < 250; g++) {
				edges.append(root).append("-c").append(c).append(',').append(root).append("-c").append(c);
				edges.append("-g").append(String.format("%04d", g)).append(",quantized\n");
			}
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
	}

	private GraphQlTester.Response page(String id, String after, String orderBy, boolean field) {
		return GraphQlClient.anonymous(this.port)
			.document("query ($id: ID!, $after: String, $orderBy: DerivativeOrder) { model(id: $id) { id "
					+ "descendants(first: 20, after: $after, orderBy: $orderBy) { " + (field ? "truncated " : "")
					+ "totalCount edges { node { depth model { id } } } pageInfo { endCursor } } } }")
			.variable("id", id)
			.variable("after", after)
			.variable("orderBy", orderBy)
			.execute();
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("model.descendants.edges[*].node.model.id").entityList(String.class).get();
	}

	private static String endCursor(GraphQlTester.Response response) {
		return response.path("model.descendants.pageInfo.endCursor").entity(String.class).get();
	}

	/**
	 * A large hub's relation groups are kept until a write of this instance reaches the
	 * family or the family cache's TTL passes; a child another instance deleted meanwhile
	 * (here a write through the driver, which this instance does not see) must not be
	 * listed as existing when only its id is selected: the group's child is read, as with
	 * a fuller selection.
	 */
	@Test
	void a_kept_relation_groups_child_deleted_elsewhere_is_not_answered_from_its_id() {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 1_000; i++) {
			edges.append("kept/base,kept/c").append(String.format("%04d", i)).append(",finetune\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
		String query = "{ model(id: \"kept/base\") { childrenByRelation(first: 3) { relation "
				+ "children { edges { node { child { SELECTION } } } } } } }";
		assertThat(GraphQlClient.postAnonymous(this.port, query.replace("SELECTION", "id")))
			.doesNotContain("\"errors\"")
			.contains("\"kept/c0001\"");
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (m:Model {id: $id}) DETACH DELETE m", Map.of("id", "kept/c0001")).consume());
		}
		String full = GraphQlClient.postAnonymous(this.port, query.replace("SELECTION", "id name"));
		String idOnly = GraphQlClient.postAnonymous(this.port, query.replace("SELECTION", "id"));
		assertThat(full).contains("\"errors\"");
		assertThat(idOnly).as("the id-only selection errs like the fuller one").contains("\"errors\"");
	}

	private GraphQlTester.Response descendants(String after) {
		return descendants("deep/base", after);
	}

	private GraphQlTester.Response descendants(String id, String after) {
		return GraphQlClient.anonymous(this.port)
			.document("query ($id: ID!, $after: String) { model(id: $id) { descendants(first: 20, after: $after) "
					+ "{ totalCount edges { node { depth model { id } } } pageInfo { endCursor } } } }")
			.variable("id", id)
			.variable("after", after)
			.execute();
	}

	private double orders() {
		return Curation.statementsRun(this.port, "lineage/descendants-order");
	}

	/**
	 * A walk level by level: the first level read from the id index when it is a large
	 * share of all models, else by descendants-walk.
	 */
	private double walks() {
		return Curation.statementsRun(this.port, "lineage/descendants-walk")
				+ Curation.statementsRun(this.port, "lineage/descendants-first-level");
	}

}
