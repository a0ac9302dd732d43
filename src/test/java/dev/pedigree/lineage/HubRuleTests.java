package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model with a few dozen direct derivatives over a family of thousands (a base model
 * whose instruct child is a hub) is a hub too: its first page is walked level by level,
 * not answered by ordering the whole family. Its own unseeded store, closed after the
 * class: a family of 1,025 would join the seeded store's largest families, which other
 * tests list.
 */
@PedigreeServerTest
@TestPropertySource(properties = "pedigree.seed.enabled=false")
@DirtiesContext
class HubRuleTests {

	@LocalServerPort
	int port;

	@Test
	void a_mid_size_first_level_over_a_large_family_is_walked_not_ordered_whole() {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 25; i++) {
			edges.append("hub/base,hub/tune-").append(String.format("%02d", i)).append(",finetune\n");
		}
		for (int i = 0; i < 1_000; i++) {
			edges.append("hub/tune-00,hub/quant-").append(String.format("%04d", i)).append(",quantized\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
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
	 * the family is ordered once and later pages come from that order, placed by the
	 * cursor's entry, so a write that adds a member before it neither repeats nor skips
	 * one.
	 */
	@Test
	void pages_past_a_hubs_first_level_are_read_from_its_order_after_the_cursors_entry() {
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		for (int i = 0; i < 25; i++) {
			edges.append("deep/base,deep/tune-").append(String.format("%02d", i)).append(",finetune\n");
		}
		for (int i = 0; i < 1_000; i++) {
			edges.append("deep/tune-00,deep/quant-").append(String.format("%04d", i)).append(",quantized\n");
		}
		Curation.importRecords(this.port, "HF_EDGES", edges.toString());
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
		assertThat(afterWrite.path("model.descendants.edges[*].node.model.id").entityList(String.class).get())
			.startsWith("deep/quant-0035")
			.endsWith("deep/quant-0054");
	}

	private GraphQlTester.Response descendants(String after) {
		return GraphQlClient.anonymous(this.port)
			.document("query ($after: String) { model(id: \"deep/base\") { descendants(first: 20, after: $after) "
					+ "{ totalCount edges { node { depth model { id } } } pageInfo { endCursor } } } }")
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
