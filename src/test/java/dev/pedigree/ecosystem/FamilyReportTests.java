package dev.pedigree.ecosystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports restricted to a source, over several roots, graph-wide organisation rankings
 * and each foundation's report in one request, over GraphQL/HTTP, checked against an
 * independent computation from testdata/ (edges.csv, nodes.csv, Epoch AI's CSV).
 */
@PedigreeServerTest
class FamilyReportTests {

	private static final String LLAMA_2 = "meta-llama/Llama-2-7b";

	private static final String LLAMA_2_CHAT = "meta-llama/Llama-2-7b-chat-hf";

	private static final String DEEPSEEK_V3 = "deepseek-ai/DeepSeek-V3";

	private static final String DEEPSEEK_R1 = "deepseek-ai/DeepSeek-R1";

	@LocalServerPort
	int port;

	private final List<TestData.Edge> hub = TestData.huggingFaceEdges();

	@Test
	void a_family_with_two_roots_counts_shared_descendants_once() {
		// Llama 2's base and chat models are separate trees on the Hub.
		Map<String, Object> report = report(List.of(LLAMA_2, LLAMA_2_CHAT), List.of("HUGGINGFACE"));
		Map<String, Object> expected = expectedReport(this.hub, List.of(LLAMA_2, LLAMA_2_CHAT));
		assertThat(TestData.reachable(this.hub, LLAMA_2, true).keySet())
			.as("the two trees share descendants (counted once)")
			.containsAnyElementsOf(TestData.reachable(this.hub, LLAMA_2_CHAT, true).keySet());
		assertThat(report).containsAllEntriesOf(expected);
		assertThat(report.get("rootIds")).isEqualTo(List.of(LLAMA_2, LLAMA_2_CHAT));
	}

	@Test
	void a_hub_only_report_leaves_out_the_links_epoch_adds() {
		// Epoch AI's row for DeepSeek-R1 names DeepSeek-V3 as its base model; the Hub
		// does not link them.
		assertThat(epochBaseModel("DeepSeek-R1")).isEqualTo("DeepSeek-V3");
		assertThat(this.hub).noneMatch(e -> e.parent().equals(DEEPSEEK_V3) && e.child().equals(DEEPSEEK_R1));
		List<TestData.Edge> withEpoch = new ArrayList<>(this.hub);
		withEpoch.add(new TestData.Edge(DEEPSEEK_V3, DEEPSEEK_R1, "finetune", "epoch"));

		assertThat(report(List.of(DEEPSEEK_V3), List.of("HUGGINGFACE")))
			.containsAllEntriesOf(expectedReport(this.hub, List.of(DEEPSEEK_V3)));
		assertThat(report(List.of(DEEPSEEK_V3), List.of("HUGGINGFACE", "EPOCH")))
			.containsAllEntriesOf(expectedReport(withEpoch, List.of(DEEPSEEK_V3)));
		// ecosystem(rootId) keeps its contract: every source.
		GraphQlClient.anonymous(this.port)
			.document("{ ecosystem(rootId: \"" + DEEPSEEK_V3
					+ "\", maxDepth: 50) { totalDescendants } h: ecosystem(rootId: \"" + DEEPSEEK_V3
					+ "\", maxDepth: 50, sources: [HUGGINGFACE]) { totalDescendants } }")
			.execute()
			.path("ecosystem.totalDescendants")
			.entity(Integer.class)
			.isEqualTo(expectedReport(withEpoch, List.of(DEEPSEEK_V3)).get("totalDescendants"))
			.path("h.totalDescendants")
			.entity(Integer.class)
			.isEqualTo(TestData.reachable(this.hub, DEEPSEEK_V3, true).size());
	}

	@Test
	void an_unknown_root_is_not_found() {
		GraphQlClient.anonymous(this.port)
			.document("{ familyReport(rootIds: [\"google/gemma-7b\", \"nobody/nothing\"]) { totalDescendants } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == org.springframework.graphql.execution.ErrorType.NOT_FOUND
					&& e.getMessage().contains("nobody/nothing"))
			.verify()
			.path("familyReport")
			.valueIsNull();
	}

	@Test
	void each_top_foundation_brings_its_report_in_the_same_request() {
		var response = GraphQlClient.anonymous(this.port)
			.document("{ topFoundations(first: 3) { model { id } "
					+ "ecosystem(maxDepth: 50, sources: [HUGGINGFACE]) { rootId totalDescendants maxDepth byMonth { month count } } } }")
			.execute();
		List<Map<String, Object>> foundations = response.path("topFoundations")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		assertThat(foundations).hasSize(3);
		for (var foundation : foundations) {
			String id = (String) ((Map<String, Object>) foundation.get("model")).get("id");
			Map<String, Object> report = (Map<String, Object>) foundation.get("ecosystem");
			Map<String, Object> expected = expectedReport(this.hub, List.of(id));
			assertThat(report.get("rootId")).isEqualTo(id);
			assertThat(report.get("totalDescendants")).as(id).isEqualTo(expected.get("totalDescendants"));
			assertThat(report.get("maxDepth")).as(id).isEqualTo(expected.get("maxDepth"));
			assertThat(report.get("byMonth")).as(id).isEqualTo(expected.get("byMonth"));
		}
	}

	@Test
	void organisations_ranked_by_models_downloads_and_derivatives_match_the_hub_data() {
		var nodes = TestData.huggingFaceAuthors();
		var downloads = TestData.huggingFaceDownloads();
		for (String order : List.of("MODELS", "DOWNLOADS", "DERIVATIVES")) {
			List<Map<String, Object>> ranking = GraphQlClient.anonymous(this.port)
				.document("{ topOrganizations(first: 8, orderBy: " + order + ", sources: [HUGGINGFACE]) "
						+ "{ organization { id name aliases } models downloads derivatives } }")
				.execute()
				.path("topOrganizations")
				.entityList(Map.class)
				.get()
				.stream()
				.map(m -> (Map<String, Object>) m)
				.toList();
			assertThat(ranking).hasSize(8);
			List<Double> values = new ArrayList<>();
			for (var row : ranking) {
				// An organisation's Hub accounts are its id, name and aliases (e.g. meta:
				// meta-llama, facebook).
				var organization = (Map<String, Object>) row.get("organization");
				Set<String> names = new HashSet<>();
				names.add(((String) organization.get("id")).toLowerCase(Locale.ROOT));
				names.add(((String) organization.get("name")).toLowerCase(Locale.ROOT));
				((List<String>) organization.get("aliases")).forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
				Set<String> own = nodes.entrySet()
					.stream()
					.filter(e -> names.contains(e.getValue().toLowerCase(Locale.ROOT)))
					.map(Map.Entry::getKey)
					.collect(Collectors.toSet());
				Set<String> derivatives = new HashSet<>();
				own.forEach(m -> TestData.reachable(this.hub, m, true)
					.keySet()
					.stream()
					.filter(d -> !own.contains(d))
					.forEach(derivatives::add));
				String id = (String) organization.get("id");
				assertThat(row.get("models")).as(id + " models").isEqualTo(own.size());
				assertThat(((Number) row.get("downloads")).longValue()).as(id + " downloads")
					.isEqualTo(own.stream().mapToLong(m -> downloads.getOrDefault(m, 0L)).sum());
				assertThat(row.get("derivatives")).as(id + " derivatives").isEqualTo(derivatives.size());
				values.add(((Number) row.get(order.toLowerCase(Locale.ROOT))).doubleValue());
			}
			assertThat(values).as(order + ", largest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
			// No single Hub account beats the first organisation (an organisation may
			// hold several accounts).
			Map<String, Double> byAccount = new HashMap<>();
			nodes.forEach((model, author) -> byAccount.merge(author, switch (order) {
				case "MODELS" -> 1.0;
				case "DOWNLOADS" -> (double) downloads.getOrDefault(model, 0L);
				default -> 0.0;
			}, Double::sum));
			if (!order.equals("DERIVATIVES")) {
				assertThat(values.get(0))
					.isGreaterThanOrEqualTo(byAccount.values().stream().max(Double::compare).orElseThrow());
			}
		}
	}

	private Map<String, Object> report(List<String> roots, List<String> sources) {
		return GraphQlClient.anonymous(this.port)
			.documentName("familyReport")
			.variable("ids", roots)
			.variable("sources", sources)
			.execute()
			.path("familyReport")
			.entity(Map.class)
			.get();
	}

	/**
	 * The report's figures from an edge list: members at their smallest depth from any
	 * root, edges inside the family, months from nodes.csv with an UNKNOWN bucket.
	 */
	private static Map<String, Object> expectedReport(List<TestData.Edge> edges, List<String> roots) {
		Map<String, Integer> members = new HashMap<>();
		for (String root : roots) {
			TestData.reachable(edges, root, true).forEach((id, depth) -> members.merge(id, depth, Math::min));
		}
		roots.forEach(members::remove);
		Set<String> family = new HashSet<>(members.keySet());
		family.addAll(roots);
		Map<String, Integer> byRelation = new TreeMap<>();
		Set<String> withChildren = new HashSet<>();
		Set<String> external = new HashSet<>();
		for (var e : edges) {
			withChildren.add(e.parent());
			if (members.containsKey(e.child())) {
				if (family.contains(e.parent())) {
					byRelation.merge(e.relation().toUpperCase(Locale.ROOT), 1, Integer::sum);
				}
				else {
					external.add(e.child());
				}
			}
		}
		var dates = TestData.huggingFaceCreationDates();
		Map<String, Integer> byMonth = new TreeMap<>();
		members.keySet()
			.forEach(id -> byMonth.merge(dates.containsKey(id) ? dates.get(id).substring(0, 7) : "UNKNOWN", 1,
					Integer::sum));
		Map<Integer, Integer> byDepth = new TreeMap<>();
		members.values().forEach(d -> byDepth.merge(d, 1, Integer::sum));
		Map<String, Object> report = new HashMap<>();
		report.put("totalDescendants", members.size());
		report.put("maxDepth", members.values().stream().max(Integer::compare).orElse(0));
		report.put("leaves", (int) members.keySet().stream().filter(id -> !withChildren.contains(id)).count());
		report.put("externalMerges", external.size());
		report.put("byRelation", byRelation.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> Map.of("relation", e.getKey(), "count", e.getValue()))
			.toList());
		report.put("byDepth",
				byDepth.entrySet().stream().map(e -> Map.of("depth", e.getKey(), "count", e.getValue())).toList());
		// Months in order, the undated bucket last.
		List<Map<String, Object>> months = new ArrayList<>();
		byMonth.forEach((month, count) -> {
			if (!month.equals("UNKNOWN")) {
				months.add(Map.of("month", month, "count", count));
			}
		});
		if (byMonth.containsKey("UNKNOWN")) {
			months.add(Map.of("month", "UNKNOWN", "count", byMonth.get("UNKNOWN")));
		}
		report.put("byMonth", months);
		return report;
	}

	private static String epochBaseModel(String model) {
		try (var reader = java.nio.file.Files
			.newBufferedReader(TestData.root().resolve("epoch-ai/notable_ai_models.csv"))) {
			for (var r : org.apache.commons.csv.CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				if (r.get("Model").equals(model)) {
					return r.get("Base model");
				}
			}
			return null;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
