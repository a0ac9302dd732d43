package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ProfiledPlan;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-import asks {@code existing-derivations.cypher} which of a batch's edges are
 * stored; its cost must not grow with the size of a parent's family (a family root of
 * 40,000 children made an idempotent re-import of 500,000 edges run for over 10 minutes:
 * the plan started at the parent and read the id of each of its children, per row).
 */
@PedigreeServerTest
class ExistingDerivationsTests {

	private static final int CHILDREN = 2_000;

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	CypherQueries cypher;

	@Test
	void asking_which_edges_of_a_large_family_exist_costs_a_few_reads_per_edge() {
		String p = "family-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		StringBuilder csv = new StringBuilder("parent_id,child_id,relation\n");
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < CHILDREN; i++) {
			csv.append(p).append("root,").append(p).append("child-").append(i).append(",finetune\n");
			rows.add(Map.of("child", p + "child-" + i, "parent", p + "root"));
		}
		GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created } }")
			.variable("c", csv.toString())
			.execute()
			.path("importRecords.created")
			.entity(Integer.class)
			.isEqualTo(CHILDREN);
		try (var session = this.driver.session()) {
			var result = session.run("PROFILE " + this.cypher.get("lineage/existing-derivations"),
					Map.of("rows", rows));
			assertThat(result.list()).hasSize(CHILDREN);
			long hits = dbHits(result.consume().profile());
			// An index seek per end and the child's one relationship: tens of reads per
			// edge, where a walk of the family is thousands.
			assertThat(hits).isLessThan(50L * CHILDREN);
		}
	}

	private static long dbHits(ProfiledPlan plan) {
		return plan.dbHits() + plan.children().stream().mapToLong(ExistingDerivationsTests::dbHits).sum();
	}

}
