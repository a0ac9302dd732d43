package dev.pedigree.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped policy scenarios over GraphQL, REST and the CLI on the seeded graph, each
 * figure checked against an independent Cypher aggregation run here through the driver.
 */
@PedigreeServerTest
class PolicyScenarioTests {

	private static final String TIERS = "{ scenario { id } totalModels totalDownloads uncoveredSafetyRemoving "
			+ "tiers { id covers organizations models downloads downloadShare undecided growth { month models cumulative } "
			+ "topFoundations { foundation models } } }";

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@TempDir
	Path temp;

	@Test
	void downstream_duties_cover_exactly_the_safety_removers_of_the_graph() {
		var tiers = tiers("downstream-duties");
		Record expected = single(
				"""
						MATCH (c:Model)-[r:DERIVED_FROM]->() WHERE c.placeholder IS NULL AND r.safetyEffect IN ['REMOVED', 'DEGRADED']
						WITH DISTINCT c
						OPTIONAL MATCH (c)-[:DEVELOPED_BY {primary: true}]->(o)
						RETURN count(c) AS models, count(DISTINCT o) AS organizations, sum(coalesce(c.downloads, 0)) AS downloads,
						       collect(c.releaseDate) AS dates""");
		var removers = tier(tiers, "safety-removers");
		assertThat(expected.get("models").asInt()).isPositive();
		assertThat(removers).containsEntry("models", expected.get("models").asInt())
			.containsEntry("organizations", expected.get("organizations").asInt());
		assertThat(((Number) removers.get("downloads")).longValue()).isEqualTo(expected.get("downloads").asLong());
		// Growth ends at the number covered, undated included.
		List<Map<String, Object>> growth = (List<Map<String, Object>>) removers.get("growth");
		assertThat(growth.get(growth.size() - 1).get("cumulative")).isEqualTo(expected.get("models").asInt());
		// Every safety remover is covered by tier 1, so none is left uncovered.
		assertThat(scenario("downstream-duties").get("uncoveredSafetyRemoving")).isEqualTo(0);
		Record heavy = single(
				"""
						MATCH (c:Model)-[r:DERIVED_FROM]->(p:Model) WHERE c.placeholder IS NULL AND p.trainingComputeFlop IS NOT NULL
						WITH c, p, CASE WHEN r.computeFlop IS NOT NULL THEN r.computeFlop
						                WHEN r.relation IN ['QUANTIZED', 'MERGE'] THEN 0.0
						                WHEN c.trainingComputeFlop >= p.trainingComputeFlop THEN c.trainingComputeFlop - p.trainingComputeFlop
						           END AS step
						WHERE step > 0.1 * p.trainingComputeFlop
						RETURN count(DISTINCT c) AS models""");
		assertThat(tier(tiers, "heavy-modifiers")).containsEntry("models", heavy.get("models").asInt());
	}

	@Test
	void upstream_exposure_and_the_eu_baseline_match_the_graph() {
		Record exposed = single(
				"""
						MATCH (f:Model) WHERE f.placeholder IS NULL AND NOT (f)-[:DERIVED_FROM]->()
						MATCH (d:Model)-[:DERIVED_FROM]->+(f)
						WHERE EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] }
						WITH f, count(DISTINCT d) AS n, sum(DISTINCT coalesce(d.downloads, 0)) AS ignored, collect(DISTINCT d) AS ds
						WITH f, n, reduce(s = 0, x IN ds | s + coalesce(x.downloads, 0)) AS reach
						WHERE n >= 3 AND reach >= 1000
						RETURN count(f) AS foundations, collect(f.id) AS ids""");
		var tiers = tiers("upstream-exposure-duty");
		assertThat(tier(tiers, "exposed-upstream")).containsEntry("models", exposed.get("foundations").asInt());
		assertThat(((List<Map<String, Object>>) tier(tiers, "exposed-upstream").get("topFoundations")))
			.extracting(f -> f.get("foundation"))
			.containsExactlyInAnyOrderElementsOf(exposed.get("ids").asList(v -> v.asString()));
		Record gpai = single("""
				MATCH (f:Model) WHERE f.placeholder IS NULL AND NOT (f)-[:DERIVED_FROM]->()
				  AND f.trainingComputeFlop > 1.0e23 AND f.generative = true
				RETURN count(f) AS models""");
		var baseline = tiers("eu-ai-act-baseline");
		assertThat(gpai.get("models").asInt()).isPositive();
		assertThat(tier(baseline, "gpai-providers")).containsEntry("models", gpai.get("models").asInt());
	}

	@Test
	void an_ad_hoc_scenario_is_validated_and_evaluated() {
		String definition = """
				id: quantizers
				name: Everyone who quantized a model
				tiers:
				  - id: q
				    covers: DOWNSTREAM
				    when: { relation: [QUANTIZED] }
				""";
		var result = GraphQlClient.anonymous(this.port)
			.document("query($d: String!) { evaluateScenario(definition: $d) " + TIERS + " }")
			.variable("d", definition)
			.execute()
			.path("evaluateScenario.tiers[0].models")
			.entity(Integer.class)
			.get();
		assertThat(result).isEqualTo(single("""
				MATCH (c:Model)-[r:DERIVED_FROM {relation: 'QUANTIZED'}]->() WHERE c.placeholder IS NULL
				RETURN count(DISTINCT c) AS n""").get("n").asInt());
		GraphQlClient.anonymous(this.port)
			.document("query($d: String!) { evaluateScenario(definition: $d) { totalModels } }")
			.variable("d", definition.replace("relation: [QUANTIZED]", "colour: [RED]"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().contains("scenario.tiers[0].when.colour"))
			.verify();
		GraphQlClient.anonymous(this.port)
			.document("{ policyScenario(id: \"no-such\") { totalModels } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	@Test
	void the_cli_and_rest_export_csv_and_markdown() throws Exception {
		Path file = this.temp.resolve("s.yaml");
		Files.writeString(file, """
				id: removers
				name: Safety removers
				tiers:
				  - id: r
				    covers: DOWNSTREAM
				    when: { safetyEffect: [REMOVED] }
				""");
		Path out = this.temp.resolve("s.csv");
		assertThat(PedigreeApplication.runCommand("scenario", "run", file.toString(), "--format", "csv", "--out",
				out.toString(), "--server", "http://localhost:" + this.port))
			.isZero();
		assertThat(Files.readString(out)).startsWith("scenario,as_of,include_undated,tier,covers,")
			.contains("removers,,true,r,DOWNSTREAM,");
		String markdown = new String(GraphQlClient.http(this.port)
			.get()
			.uri("/report/scenario?id=eu-ai-act-baseline&format=md")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(markdown).contains("| gpai-providers | UPSTREAM |").contains("█");
		GraphQlClient.http(this.port)
			.get()
			.uri("/report/scenario?id=eu-ai-act-baseline&format=pdf")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("format");
	}

	@Test
	void downstream_growth_of_a_family_matches_the_sources_month_by_month() {
		var seed = dev.pedigree.SeedFacts.load();
		var dates = dev.pedigree.TestData.huggingFaceCreationDates();
		var members = seed.descendants("google/gemma-7b", 50).keySet();
		Map<String, Map<String, Integer>> expected = new java.util.TreeMap<>();
		int undated = 0;
		for (String member : members) {
			String date = dates.get(member);
			if (date == null) {
				undated++;
				continue;
			}
			var relations = new java.util.TreeSet<String>();
			seed.parents(member).forEach(d -> relations.add(d.relation().toUpperCase(java.util.Locale.ROOT)));
			for (String relation : relations) {
				expected.computeIfAbsent(date.substring(0, 7), k -> new java.util.TreeMap<>())
					.merge(relation, 1, Integer::sum);
			}
		}
		Map<String, Object> growth = GraphQlClient.anonymous(this.port)
			.document("{ downstreamGrowth(foundationId: \"google/gemma-7b\", by: RELATION) { totalDerivatives "
					+ "undatedDerivatives months { month derivatives developers byCategory { category derivatives } } } }")
			.execute()
			.path("downstreamGrowth")
			.entity(Map.class)
			.get();
		assertThat(growth.get("totalDerivatives")).isEqualTo(members.size());
		assertThat(growth.get("undatedDerivatives")).isEqualTo(undated);
		List<Map<String, Object>> months = (List<Map<String, Object>>) growth.get("months");
		assertThat(months).extracting(m -> m.get("month")).containsExactlyElementsOf(expected.keySet());
		for (var month : months) {
			Map<String, Integer> split = new java.util.TreeMap<>();
			((List<Map<String, Object>>) month.get("byCategory"))
				.forEach(c -> split.put((String) c.get("category"), (Integer) c.get("derivatives")));
			assertThat(split).as((String) month.get("month")).isEqualTo(expected.get(month.get("month")));
		}
		GraphQlClient.anonymous(this.port)
			.document("{ downstreamGrowth(foundationId: \"no/such\") { totalDerivatives } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	@Test
	void as_of_a_date_later_models_are_invisible_and_undated_ones_are_counted_in_or_left_out() {
		var seed = dev.pedigree.SeedFacts.load();
		var dates = dev.pedigree.TestData.huggingFaceCreationDates();
		String asOf = "2024-06-30";
		for (boolean includeUndated : List.of(true, false)) {
			// The family as it stood: reached through models created by then (undated
			// ones
			// only when included); an undated child of such a model is counted apart.
			java.util.function.Predicate<String> present = id -> dates.get(id) == null ? includeUndated
					: dates.get(id).substring(0, 10).compareTo(asOf) <= 0;
			Map<String, Map<String, Integer>> expected = new java.util.TreeMap<>();
			java.util.Set<String> reached = new java.util.HashSet<>();
			java.util.Set<String> undated = new java.util.HashSet<>();
			var queue = new java.util.ArrayDeque<String>(List.of("google/gemma-7b"));
			while (!queue.isEmpty()) {
				for (var child : seed.children(queue.poll())) {
					String id = child.child();
					if (dates.get(id) == null) {
						undated.add(id);
					}
					if (present.test(id) && reached.add(id)) {
						queue.add(id);
					}
				}
			}
			for (String member : reached) {
				String date = dates.get(member);
				if (date == null) {
					continue;
				}
				var relations = new java.util.TreeSet<String>();
				seed.parents(member)
					.stream()
					.filter(d -> present.test(d.parent()))
					.forEach(d -> relations.add(d.relation().toUpperCase(java.util.Locale.ROOT)));
				relations
					.forEach(relation -> expected.computeIfAbsent(date.substring(0, 7), k -> new java.util.TreeMap<>())
						.merge(relation, 1, Integer::sum));
			}
			Map<String, Object> growth = GraphQlClient.anonymous(this.port)
				.document("query($asOf: Date, $undated: Boolean) { downstreamGrowth(foundationId: \"google/gemma-7b\", "
						+ "by: RELATION, asOf: $asOf, includeUndated: $undated) { asOf includeUndated totalDerivatives "
						+ "undatedDerivatives months { month byCategory { category derivatives } } } }")
				.variable("asOf", asOf)
				.variable("undated", includeUndated)
				.execute()
				.path("downstreamGrowth")
				.entity(Map.class)
				.get();
			String as = "includeUndated " + includeUndated;
			assertThat(growth).as(as).containsEntry("asOf", asOf).containsEntry("includeUndated", includeUndated);
			long dated = reached.stream().filter(id -> dates.get(id) != null).count();
			assertThat(growth.get("totalDerivatives")).as(as)
				.isEqualTo((int) (includeUndated ? reached.size() : dated));
			assertThat(growth.get("undatedDerivatives")).as(as).isEqualTo(undated.size());
			List<Map<String, Object>> months = (List<Map<String, Object>>) growth.get("months");
			assertThat(months).as(as).extracting(m -> m.get("month")).containsExactlyElementsOf(expected.keySet());
			for (var month : months) {
				Map<String, Integer> split = new java.util.TreeMap<>();
				((List<Map<String, Object>>) month.get("byCategory"))
					.forEach(c -> split.put((String) c.get("category"), (Integer) c.get("derivatives")));
				assertThat(split).as(as + " " + month.get("month")).isEqualTo(expected.get(month.get("month")));
			}
		}

		// A scenario as of a date covers only what existed then, and says how many
		// undated
		// models it counted in or left out.
		Map<String, Object> now = scenario("downstream-duties");
		var before = GraphQlClient.anonymous(this.port)
			.document("{ with: policyScenario(id: \"downstream-duties\", asOf: \"2025-02-28\") { asOf totalModels "
					+ "undatedModels tiers { id models } } without: policyScenario(id: \"downstream-duties\", "
					+ "asOf: \"2025-02-28\", includeUndated: false) { includeUndated totalModels undatedModels "
					+ "tiers { id models } } }")
			.execute();
		Map<String, Object> with = before.path("with").entity(Map.class).get();
		Map<String, Object> without = before.path("without").entity(Map.class).get();
		assertThat(with.get("asOf")).isEqualTo("2025-02-28");
		assertThat((Integer) with.get("totalModels")).isLessThan((Integer) now.get("totalModels"));
		assertThat((Integer) with.get("totalModels") - (Integer) without.get("totalModels"))
			.isEqualTo(with.get("undatedModels"))
			.isPositive();
		// The safety removers of the graph now, dated by 2025-02-28 (the tier's own
		// growth).
		var removersNow = ((List<Map<String, Object>>) now.get("tiers")).get(0);
		var growthNow = (List<Map<String, Object>>) removersNow.get("growth");
		int byThen = growthNow.stream()
			.filter(m -> ((String) m.get("month")).compareTo("2025-02") <= 0)
			.mapToInt(m -> (Integer) m.get("cumulative"))
			.max()
			.orElse(0);
		// Dated ones only, so that the tier's months tell: undated removers are in no
		// month.
		var removersThen = ((List<Map<String, Object>>) without.get("tiers")).get(0);
		assertThat(removersThen.get("models")).isEqualTo(byThen);
		// Counting undated models in adds the undated removers of today, never fewer.
		var removersThenWithUndated = ((List<Map<String, Object>>) with.get("tiers")).get(0);
		assertThat((Integer) removersThenWithUndated.get("models")).isGreaterThanOrEqualTo(byThen);
		GraphQlClient.anonymous(this.port)
			.document("{ policyScenario(id: \"downstream-duties\", asOf: \"last year\") { totalModels } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("asOf")));
	}

	private Map<String, Object> scenario(String id) {
		return GraphQlClient.anonymous(this.port)
			.document("{ policyScenario(id: \"" + id + "\") " + TIERS + " }")
			.execute()
			.path("policyScenario")
			.entity(Map.class)
			.get();
	}

	private List<Map<String, Object>> tiers(String id) {
		return (List<Map<String, Object>>) scenario(id).get("tiers");
	}

	private static Map<String, Object> tier(List<Map<String, Object>> tiers, String id) {
		return tiers.stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
	}

	private Record single(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single();
		}
	}

}
