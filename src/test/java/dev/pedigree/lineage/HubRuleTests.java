package dev.pedigree.lineage;

import org.junit.jupiter.api.Test;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
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
	 * A walk level by level: the first level read from the id index when it is a large
	 * share of all models, else by descendants-walk.
	 */
	private double walks() {
		return Curation.statementsRun(this.port, "lineage/descendants-walk")
				+ Curation.statementsRun(this.port, "lineage/descendants-first-level");
	}

}
