package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionCallback;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import and another import's name resolution at the same time: an import found a
 * placeholder stored and writes an edge to it while a resolution merges that placeholder
 * into the model its name means and deletes it. The import's report never claims an edge
 * it did not write.
 */
@PedigreeServerTest
class PlaceholderImportRaceTests {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	Graph graph;

	@Autowired
	CypherQueries cypher;

	@Autowired
	ChangeLog changes;

	@Autowired
	PlaceholderResolution resolution;

	@Autowired
	SafetyChecks safetyChecks;

	@Autowired
	SizeChecks sizeChecks;

	/**
	 * The import looked the placeholder up (it was stored) before the resolution that
	 * deletes it committed, and writes its edge after: the edge is reported as not
	 * written, not counted as created.
	 */
	@Test
	void an_edge_to_a_placeholder_resolved_meanwhile_is_reported_not_counted() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		try {
			epoch("Van Child " + token + ",Van Lab " + token + ",2025-01-01,Van Base " + token + "\n");
			String child = idOf("Van Child " + token);
			String placeholder = parentsOf(child).get(0);
			String target = "van-" + token + "/target";
			register(target, "Van Base " + token);
			String second = "van-" + token + "/second";
			register(second, "Van Second " + token);
			// The import's first write transaction: another import's resolution commits
			// just before it.
			AtomicInteger writes = new AtomicInteger();
			Graph racing = Mockito.spy(this.graph);
			Mockito.doAnswer(call -> {
				if (writes.incrementAndGet() == 1) {
					assertThat(this.resolution.resolveAll().resolved())
						.anyMatch(r -> r.placeholder().equals(placeholder));
				}
				TransactionCallback<Object> work = call.getArgument(0);
				return this.graph.write(work);
			}).when(racing).write(ArgumentMatchers.<TransactionCallback<Object>>any());
			var lineage = new LineageWrites(racing, this.cypher, this.changes,
					new BulkWrites(racing, this.cypher, this.changes), this.resolution, this.safetyChecks,
					this.sizeChecks);

			var outcome = lineage.importWrites()
				.derivations(List
					.of(DerivationFacts.of(second, placeholder).relation(Relation.FINETUNE).source("hf").build()),
						LineageWrites.UnknownModels.PLACEHOLDER, n -> {
						});

			assertThat(writes).as("write transactions").hasPositiveValue();
			assertThat(parentsOf(child)).as("the resolution moved the placeholder's child").containsExactly(target);
			assertThat(parentsOf(second)).as("nothing written for the import's edge").isEmpty();
			assertThat(outcome.counts().created()).as("derivations created").isZero();
			assertThat(outcome.vanished()).singleElement()
				.satisfies(d -> assertThat(d.child() + " <- " + d.parent()).isEqualTo(second + " <- " + placeholder));
		}
		finally {
			forget(token);
		}
	}

	private void forget(String token) {
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (m:Model) WHERE m.id CONTAINS $token DETACH DELETE m", Map.of("token", token))
						.consume());
		}
	}

	private void register(String id, String name) {
		assertThat(post("mutation { registerModel(input: {id: \"" + id + "\", name: \"" + name + "\"}) { id } }"))
			.doesNotContain("\"errors\"");
	}

	private String epoch(String rows) {
		return post("mutation($c: String!) { importRecords(format: EPOCH, content: $c) { conflicts resolved } }",
				Map.of("c", "Model,Organization,Publication date,Base model\n" + rows));
	}

	private String idOf(String name) {
		List<String> ids = JsonPath
			.parse(post("query($n: String!) { models(filter: {nameContains: $n}) { edges { node { id } } } }",
					Map.of("n", name)))
			.read("$.data.models.edges[*].node.id");
		assertThat(ids).as(name).hasSize(1);
		return ids.get(0);
	}

	private List<String> parentsOf(String id) {
		return JsonPath
			.parse(post("query($id: ID!) { model(id: $id) { parents { parent { id } } } }", Map.of("id", id)))
			.read("$.data.model.parents[*].parent.id");
	}

	private String post(String query, Map<String, Object> variables) {
		return GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + PedigreeServerTest.TOKEN)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String post(String query) {
		return post(query, Map.of());
	}

}
