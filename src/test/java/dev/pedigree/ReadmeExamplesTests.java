package dev.pedigree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every ```graphql block of the README runs against the seeded server and returns what
 * the README says next to it; where the README states no result, the facts of the seed's
 * sources ({@link SeedFacts}). Each block is matched to its expectation by a string only
 * it contains: a block without one, or an expectation without its block, fails the test.
 * <p>
 * The README promises these answers from a freshly seeded database, so this class runs in
 * a context of its own (other test classes write to theirs).
 */
@PedigreeServerTest
@TestPropertySource(properties = "pedigree.test.context=readme-examples")
class ReadmeExamplesTests {

	/** EU AI Act and California SB 53 roles, as the schema documents them. */
	private static final Map<String, Set<String>> DOCUMENTED_ROLES = Map.of("EU",
			Set.of("GPAI_PROVIDER", "GPAI_PROVIDER_SYSTEMIC_RISK", "MODIFIER_PROVIDER", "DOWNSTREAM_MODIFIER",
					"NOT_GPAI", "UNDETERMINED"),
			"US-CA", Set.of("FRONTIER_DEVELOPER", "LARGE_FRONTIER_DEVELOPER", "NOT_FRONTIER", "UNDETERMINED"));

	/**
	 * The README's own words for the safety-removal signals in Hub ids (the families
	 * checked here hold no tag or training-set signal).
	 */
	private static final Pattern SAFETY_REMOVAL_IN_ID = Pattern
		.compile("abliterat|uncensor|refusal[-_ ]?attack|jailbr(?:ea|o)k", Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	private final SeedFacts seed = SeedFacts.load();

	@TestFactory
	Stream<DynamicTest> every_readme_graphql_example_returns_what_the_readme_says() throws IOException {
		List<String> blocks = graphqlBlocks(Files.readString(Path.of("README.md")));
		Map<String, Consumer<GraphQlTester.Response>> expectations = expectations();
		assertThat(blocks).as("```graphql blocks in README.md").isNotEmpty();
		List<DynamicTest> tests = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (String block : blocks) {
			List<String> keys = expectations.keySet().stream().filter(block::contains).toList();
			assertThat(keys).as("exactly one expectation for the README block\n%s", block).hasSize(1);
			String key = keys.get(0);
			assertThat(used.add(key)).as("expectation '%s' matches more than one README block", key).isTrue();
			tests.add(DynamicTest.dynamicTest(key, () -> {
				var response = GraphQlClient.anonymous(this.port).document(block).execute();
				response.errors().verify();
				expectations.get(key).accept(response);
			}));
		}
		assertThat(used).as("expectations whose README block is gone").isEqualTo(expectations.keySet());
		return tests.stream();
	}

	/** Each README block's distinctive string → what its answer must be. */
	private Map<String, Consumer<GraphQlTester.Response>> expectations() {
		Map<String, Consumer<GraphQlTester.Response>> expectations = new LinkedHashMap<>();
		expectations.put("model(id: \"mradermacher/medinote-7b-GGUF\")", this::quantizedModelAncestry);
		expectations.put("descendants(first: 5", this::firstPageOfLlama2Descendants);
		expectations.put("model(id: \"huihui-ai/Mistral-Small-24B-Instruct-2501-abliterated\")",
				this::safetyRemovingDerivation);
		expectations.put("model(id: \"beita6969/DeepSeek-R1-Distill-Qwen-32B-Medical\")", this::sizeWarning);
		expectations.put("models(filter:", this::searchFilterAndPage);
		expectations.put("lineagePath(", this::chainAndOrganisation);
		expectations.put("liabilityTrace(", this::liabilityAndExposure);
		expectations.put("ecosystem(rootId:", this::ecosystemAnalytics);
		expectations.put("policyScenario(", this::upstreamExposureScenario);
		expectations.put("downstreamGrowth(", this::gemmaGrowth);
		expectations.put("asOf: \"2025-02-05\")", this::familyAsOfADate);
		expectations.put("childrenByRelation(", this::derivativesInTheHubsOrder);
		expectations.put("familyReport(", this::familyReportsAndRankings);
		return expectations;
	}

	/**
	 * "What did Mistral Small 3's family look like on 2025-02-05?": the seed's Hub edges
	 * walked here through models created by then or undated.
	 */
	private void familyAsOfADate(GraphQlTester.Response response) {
		var dates = TestData.huggingFaceCreationDates();
		String root = "mistralai/Mistral-Small-24B-Base-2501";
		Map<String, Integer> depth = new HashMap<>(Map.of(root, 0));
		var queue = new java.util.ArrayDeque<String>(List.of(root));
		while (!queue.isEmpty()) {
			String node = queue.poll();
			if (depth.get(node) >= 10) {
				continue;
			}
			for (var d : this.seed.children(node)) {
				var date = dates.get(d.child());
				if (!depth.containsKey(d.child())
						&& (date == null || date.substring(0, 10).compareTo("2025-02-05") <= 0)) {
					depth.put(d.child(), depth.get(node) + 1);
					queue.add(d.child());
				}
			}
		}
		depth.remove(root);
		long undated = depth.keySet().stream().filter(id -> !dates.containsKey(id)).count();
		// The figures the README states.
		assertThat(depth).hasSize(41);
		assertThat(undated).isEqualTo(12);
		assertThat(this.seed.descendants(root, 10)).hasSize(78);
		response.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(depth.size());
		response.path("model.pointInTime.undatedDescendants").entity(Long.class).isEqualTo(undated);
		response.path("model.pointInTime.includeUndated").entity(Boolean.class).isEqualTo(true);
		List<Map<String, Object>> edges = list(response, "model.descendants.edges");
		assertThat(edges).hasSize(3).allSatisfy(e -> assertThat(depth).containsKey(id(map(e.get("node"), "model"))));
	}

	/** "Where did a quantized model come from?" */
	private void quantizedModelAncestry(GraphQlTester.Response response) {
		String id = "mradermacher/medinote-7b-GGUF";
		response.path("model.name").entity(String.class).isEqualTo(id);
		var expected = this.seed.ancestors(id, 10);
		assertThat(expected).hasSize(3);
		List<Map<String, Object>> ancestors = list(response, "model.ancestors");
		assertThat(ancestors).extracting(a -> id(a.get("model"))).containsExactlyElementsOf(expected.keySet());
		for (var ancestor : ancestors) {
			String ancestorId = id(ancestor.get("model"));
			assertThat(ancestor.get("depth")).as(ancestorId).isEqualTo(expected.get(ancestorId));
			assertThat(map(ancestor.get("model"), "developer").get("name")).as(ancestorId)
				.isEqualTo(this.seed.developerName(ancestorId));
		}
		// It is a quantization: reached from its direct parent through a QUANTIZED edge.
		var direct = this.seed.parents(id);
		assertThat(direct).singleElement().satisfies(d -> assertThat(d.relation()).isEqualTo("QUANTIZED"));
		assertThat(map(ancestors.get(0), "via")).containsEntry("relation", "QUANTIZED")
			.containsEntry("source", direct.get(0).source());
		// Each via is the derivation of edges.csv from the ancestor's child on the chain.
		for (int i = 1; i < ancestors.size(); i++) {
			String child = id(ancestors.get(i - 1).get("model"));
			String parent = id(ancestors.get(i).get("model"));
			var edge = this.seed.parents(child).stream().filter(d -> d.parent().equals(parent)).findFirst();
			assertThat(edge).as(child + " <- " + parent).isPresent();
			assertThat(map(ancestors.get(i), "via")).containsEntry("relation", edge.get().relation())
				.containsEntry("source", edge.get().source());
		}
		// The foundation, with Epoch AI's compute and Epoch AI's name as an alias.
		var foundation = this.seed.model("meta-llama/Llama-2-7b");
		assertThat(foundation.trainingComputeFlop()).isEqualTo(8.4e22);
		List<Map<String, Object>> foundations = list(response, "model.foundations");
		assertThat(foundations).singleElement().satisfies(f -> {
			assertThat(f.get("id")).isEqualTo(foundation.id());
			assertThat(((Number) f.get("trainingComputeFlop")).doubleValue())
				.isEqualTo(foundation.trainingComputeFlop());
			assertThat((List<String>) f.get("aliases")).containsExactlyInAnyOrderElementsOf(foundation.aliases())
				.contains("Llama 2-7B");
		});
	}

	/** "The first page of what grew from Llama 2 7B, with the total". */
	private void firstPageOfLlama2Descendants(GraphQlTester.Response response) {
		var expected = this.seed.descendants("meta-llama/Llama-2-7b", 3);
		response.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(expected.size());
		response.path("model.descendants.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("model.descendants.pageInfo.endCursor")
			.entity(String.class)
			.satisfies(cursor -> assertThat(cursor).isNotBlank());
		List<String> firstFive = expected.keySet().stream().limit(5).toList();
		List<Map<String, Object>> nodes = list(response, "model.descendants.edges[*].node");
		assertThat(nodes).extracting(n -> id(n.get("model"))).containsExactlyElementsOf(firstFive);
		for (var node : nodes) {
			String id = id(node.get("model"));
			assertThat(node.get("depth")).as(id).isEqualTo(expected.get(id));
			var model = this.seed.model(id);
			assertThat(map(node, "model").get("downloads")).as("downloads of " + id)
				.isEqualTo(model.downloads() == null ? null : model.downloads());
			// Depth 1: the derivation straight from Llama 2 7B.
			var edge = this.seed.parents(id)
				.stream()
				.filter(d -> d.parent().equals("meta-llama/Llama-2-7b"))
				.findFirst()
				.orElseThrow();
			assertThat(map(node, "via").get("relation")).as(id).isEqualTo(edge.relation());
		}
	}

	/**
	 * "Facts say where they come from": a 32.8B model (its safetensors total) declared a
	 * fine-tune of the 671B DeepSeek-R1 (Epoch AI's figure) is warned about, its relation
	 * kept.
	 */
	@SuppressWarnings("unchecked")
	private void sizeWarning(GraphQlTester.Response response) {
		String id = "beita6969/DeepSeek-R1-Distill-Qwen-32B-Medical";
		var record = TestData.huggingFaceRecords().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
		assertThat(map(response.path("model").entity(Map.class).get(), "parameterCount"))
			.isEqualTo(Map.of("value", record.safetensorsTotal(), "source", "hf:safetensors", "estimated", false));
		List<Map<String, Object>> parents = list(response, "model.parents");
		var expected = this.seed.parents(id);
		assertThat(parents).hasSameSizeAs(expected).singleElement().satisfies(p -> {
			assertThat(id(p.get("parent"))).isEqualTo(expected.get(0).parent()).isEqualTo("deepseek-ai/DeepSeek-R1");
			assertThat(p.get("relation")).isEqualTo(expected.get(0).relation()).isEqualTo("FINETUNE");
			assertThat(map(p.get("parent"), "parameterCount")).containsEntry("source", "epoch")
				.containsEntry("value", 6.71e11);
			assertThat((List<String>) p.get("warnings")).singleElement()
				.asString()
				.startsWith("size: declared a finetune of a 671B-parameter model (epoch) but has 32.8B parameters");
		});
	}

	/** "Models whose safety training a derivation removed", with its signals. */
	private void safetyRemovingDerivation(GraphQlTester.Response response) {
		String id = "huihui-ai/Mistral-Small-24B-Instruct-2501-abliterated";
		var expected = this.seed.parents(id);
		assertThat(expected).isNotEmpty();
		List<Map<String, Object>> parents = list(response, "model.parents");
		assertThat(parents).extracting(p -> id(p.get("parent")))
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(SeedFacts.Derivation::parent).toList());
		for (var parent : parents) {
			String parentId = id(parent.get("parent"));
			var edge = expected.stream().filter(d -> d.parent().equals(parentId)).findFirst().orElseThrow();
			assertThat(SAFETY_REMOVAL_IN_ID.matcher(id).find() && !SAFETY_REMOVAL_IN_ID.matcher(parentId).find())
				.isTrue();
			assertThat(parent).containsEntry("safetyEffect", "REMOVED")
				.containsEntry("relation", edge.relation())
				.containsEntry("source", edge.source());
			// A heuristic: below the confidence of curated facts (1.0).
			assertThat(((Number) parent.get("confidence")).doubleValue()).isGreaterThan(0).isLessThan(1);
			// Its evidence: the Hub's tags (models.jsonl) and its id.
			var record = TestData.huggingFaceRecords()
				.stream()
				.filter(r -> r.id().equals(id))
				.findFirst()
				.orElseThrow();
			List<String> evidence = new java.util.ArrayList<>(record.tags()
				.stream()
				.filter(t -> t.equals("abliterated") || t.equals("uncensored"))
				.map(t -> "TAG:" + t)
				.sorted()
				.toList());
			evidence.add("NAME:" + id);
			assertThat((List<Map<String, Object>>) parent.get("safetySignals"))
				.extracting(s -> s.get("kind") + ":" + s.get("evidence"))
				.containsExactlyElementsOf(evidence);
			assertThat(parent).containsEntry("safetySource", "heuristic").containsEntry("safetyConfidence", 0.7);
			assertThat(map(parent.get("parent"), "developer").get("name")).isEqualTo(this.seed.developerName(parentId))
				.isEqualTo("Mistral AI");
		}
	}

	/** "Search, filter and page models". */
	private static int searchRank(String id, String search) {
		String lower = id.toLowerCase(Locale.ROOT);
		String namePart = lower.substring(lower.indexOf('/') + 1);
		if (lower.equals(search) || namePart.equals(search)) {
			return 0;
		}
		return lower.startsWith(search) || namePart.startsWith(search) ? 1 : 2;
	}

	private void searchFilterAndPage(GraphQlTester.Response response) {
		List<String> expected = this.seed.models()
			.stream()
			.filter(m -> !m.placeholder())
			.filter(m -> Stream.concat(Stream.of(m.id()), m.aliases().stream())
				.anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("deepseek-r1")))
			.filter(m -> this.seed.parents(m.id()).stream().anyMatch(d -> d.relation().equals("QUANTIZED")))
			// The documented order of a search: exact, then prefix, then substring
			// matches of the id or its
			// name part, each most downloaded first, then by id.
			.sorted(java.util.Comparator.<SeedFacts.Model>comparingInt(m -> searchRank(m.id(), "deepseek-r1"))
				.thenComparing(m -> -(m.downloads() == null ? 0 : m.downloads()))
				.thenComparing(SeedFacts.Model::id))
			.map(SeedFacts.Model::id)
			.toList();
		assertThat(expected).hasSizeGreaterThan(5);
		response.path("models.totalCount").entity(Integer.class).isEqualTo(expected.size());
		List<Map<String, Object>> edges = list(response, "models.edges");
		assertThat(edges).extracting(e -> id(e.get("node"))).containsExactlyElementsOf(expected.subList(0, 5));
		assertThat(edges).extracting(e -> (String) e.get("cursor")).doesNotHaveDuplicates().allSatisfy(cursor -> {
			assertThat(cursor).isNotBlank();
		});
		for (var edge : edges) {
			var model = this.seed.model(id(edge.get("node")));
			assertThat(map(edge, "node").get("license")).as(model.id()).isEqualTo(model.license());
			assertThat(id(map(edge, "node").get("developer"))).as(model.id()).isEqualTo(model.developerId());
		}
	}

	/**
	 * "The chain from a fine-tune up to an ancestor, and an organisation with its aliases
	 * across sources".
	 */
	private void chainAndOrganisation(GraphQlTester.Response response) {
		String from = "mlx-community/Mistral-Small-24B-Instruct-2501-abliterated";
		String to = "mistralai/Mistral-Small-24B-Base-2501";
		List<Map<String, Object>> chain = list(response, "lineagePath");
		// The shortest chain of derivations of the sources, child first.
		assertThat(chain).hasSize(this.seed.ancestors(from, 50).get(to));
		String child = from;
		for (var step : chain) {
			assertThat(id(step.get("child"))).isEqualTo(child);
			String parent = id(step.get("parent"));
			String expectedChild = child;
			assertThat(this.seed.parents(child))
				.anySatisfy(d -> assertThat(d.parent()).as(expectedChild + " <- ?").isEqualTo(parent))
				.filteredOn(d -> d.parent().equals(parent))
				.allSatisfy(d -> assertThat(step.get("relation")).isEqualTo(d.relation()));
			child = parent;
		}
		assertThat(child).isEqualTo(to);
		assertThat(chain.get(0).get("relation")).as("the start is a fine-tune").isEqualTo("FINETUNE");

		var meta = this.seed.organization("meta");
		response.path("organization.name").entity(String.class).isEqualTo(meta.name());
		response.path("organization.aliases")
			.entityList(String.class)
			.containsExactly(meta.aliases().toArray(String[]::new))
			.contains("meta-llama", "Meta AI"); // the Hub account and Epoch AI's name
		response.path("organization.annualRevenueUsd")
			.entity(Double.class)
			.isEqualTo(meta.annualRevenueUsd())
			.isEqualTo(164_501_000_000.0);
		response.path("organization.revenueSource").entity(String.class).isEqualTo(meta.revenueSource());
		long models = this.seed.models().stream().filter(m -> "meta".equals(m.developerId())).count();
		response.path("organization.models.totalCount").entity(Integer.class).isEqualTo((int) models);
	}

	/**
	 * "Who shares responsibility for a safety-removed model?" — loose on verdicts (the
	 * rule sets change: roles and bases from the documented sets, reasons and figures
	 * present), exact on the parties, what each made, the inputs, the gap's derivation
	 * and downloads, and the exposure.
	 */
	private void liabilityAndExposure(GraphQlTester.Response response) {
		String traced = "huihui-ai/DeepSeek-V3-abliterated";
		String foundation = "deepseek-ai/DeepSeek-V3";
		assertThat(this.seed.ancestors(traced, 50)).containsOnlyKeys(foundation);
		List<Map<String, Object>> parties = list(response, "liabilityTrace.parties");
		assertThat(parties)
			.extracting(p -> id(p.get("model")), p -> p.get("depth"), p -> map(p, "organization").get("name"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(traced, 0, this.seed.developerName(traced)),
					org.assertj.core.groups.Tuple.tuple(foundation, 1, this.seed.developerName(foundation)));
		// What each party made: the abliteration of DeepSeek-V3, and a foundation.
		var edge = this.seed.parents(traced).get(0);
		assertThat(map(parties.get(0), "madeBy")).containsEntry("relation", edge.relation())
			.containsEntry("safetyEffect", "REMOVED")
			.containsEntry("source", edge.source());
		assertThat(id(map(map(parties.get(0), "madeBy"), "parent"))).isEqualTo(foundation);
		assertThat(parties.get(1).get("madeBy")).isNull();
		// DeepSeek-V3's compute comes from Epoch AI; the Hub fine-tune's is unknown.
		assertThat(map(parties.get(0), "model").get("trainingComputeFlop")).isNull();
		double flop = this.seed.model(foundation).trainingComputeFlop();
		assertThat(flop).isCloseTo(3.4e24, within(0.01e24));
		assertThat(((Number) map(parties.get(1), "model").get("trainingComputeFlop")).doubleValue()).isEqualTo(flop);
		List<Double> figures = new ArrayList<>();
		for (var party : parties) {
			var roles = (List<Map<String, Object>>) party.get("roles");
			assertThat(roles).extracting(r -> (String) r.get("jurisdiction"))
				.as("one role per rule set")
				.containsExactlyInAnyOrderElementsOf(DOCUMENTED_ROLES.keySet());
			for (var role : roles) {
				String jurisdiction = (String) role.get("jurisdiction");
				assertThat((String) role.get("role")).as(jurisdiction).isIn(DOCUMENTED_ROLES.get(jurisdiction));
				// README: ESTABLISHED, PRESUMED or UNDETERMINED; the schema: UNDETERMINED
				// exactly when the role is.
				assertThat((String) role.get("basis")).as(jurisdiction)
					.isIn("ESTABLISHED", "PRESUMED", "UNDETERMINED")
					.matches(basis -> basis.equals("UNDETERMINED") == role.get("role").equals("UNDETERMINED"));
				assertThat((List<String>) role.get("reasons")).as("reasons of " + jurisdiction)
					.isNotEmpty()
					.allSatisfy(reason -> assertThat(reason).isNotBlank());
				var roleFigures = (List<Map<String, Object>>) role.get("figures");
				assertThat(roleFigures).as("figures of " + jurisdiction).isNotEmpty().allSatisfy(f -> {
					assertThat((String) f.get("name")).isNotBlank();
					assertThat((String) f.get("article")).isNotBlank();
				});
				roleFigures.stream()
					.filter(f -> f.get("value") != null)
					.forEach(f -> figures.add(((Number) f.get("value")).doubleValue()));
				for (var obligation : (List<Map<String, Object>>) role.get("obligations")) {
					assertThat((String) obligation.get("article")).isNotBlank();
					assertThat((String) obligation.get("summary")).isNotBlank();
					assertThat(obligation.get("inForce")).isInstanceOf(Boolean.class);
				}
			}
		}
		assertThat(figures).as("the figures the verdicts used include DeepSeek-V3's compute").contains(flop);
		assertThat(list(response, "liabilityTrace.findings")).as("the seed records no findings or incidents").isEmpty();
		// README: the safety removal lands in accountabilityGaps with its downloads.
		assertThat(list(response, "liabilityTrace.accountabilityGaps")).singleElement().satisfies(gap -> {
			assertThat(map(gap, "derivation")).containsEntry("relation", edge.relation())
				.containsEntry("safetyEffect", "REMOVED");
			assertThat(id(map(map(gap, "derivation"), "parent"))).isEqualTo(foundation);
			assertThat(((Number) gap.get("downloads")).doubleValue()).isEqualTo(this.seed.model(traced).downloads())
				.isEqualTo(119);
			assertThat((String) gap.get("status")).isIn("GAP", "POSSIBLE", "FORESEEN");
			assertThat((String) gap.get("reason")).isNotBlank();
		});

		// Upstream exposure: the safety-removing descendants of DeepSeek-V3, most
		// downloaded
		// first.
		var descendants = this.seed.descendants(foundation, 50);
		List<SeedFacts.Model> exposed = descendants.keySet()
			.stream()
			.filter(id -> SAFETY_REMOVAL_IN_ID.matcher(id).find())
			.filter(id -> this.seed.parents(id)
				.stream()
				.noneMatch(d -> SAFETY_REMOVAL_IN_ID.matcher(d.parent()).find()))
			.map(this.seed::model)
			.sorted(java.util.Comparator.comparing((SeedFacts.Model m) -> m.downloads() == null ? 0 : m.downloads())
				.reversed())
			.toList();
		assertThat(exposed).hasSizeGreaterThanOrEqualTo(2);
		response.path("upstreamExposure.totalCount").entity(Integer.class).isEqualTo(exposed.size());
		List<Map<String, Object>> nodes = list(response, "upstreamExposure.edges[*].node");
		assertThat(nodes).extracting(n -> id(n.get("model")))
			.containsExactlyElementsOf(exposed.stream().limit(5).map(SeedFacts.Model::id).toList());
		for (var node : nodes) {
			var model = this.seed.model(id(node.get("model")));
			assertThat(((Number) node.get("downloads")).doubleValue()).isEqualTo(model.downloads());
			assertThat(node.get("depth")).isEqualTo(descendants.get(model.id()));
			assertThat(map(node, "via").get("safetyEffect")).isEqualTo("REMOVED");
			assertThat(map(node, "organization").get("name")).isEqualTo(this.seed.developerName(model.id()));
			assertThat(node.get("accountabilityGap")).as("documented statuses, or null")
				.isIn(null, "GAP", "POSSIBLE", "FORESEEN");
		}
	}

	/**
	 * "Policy questions", scenario (b): as the README says, one provider covered, for
	 * Mistral Small 24B Base and its six safety-removing descendants; DeepSeek-V3's two
	 * abliterations and Llama 2 7B Chat's three (no downloads) uncovered.
	 */
	private void upstreamExposureScenario(GraphQlTester.Response response) {
		List<Map<String, Object>> tiers = list(response, "policyScenario.tiers");
		assertThat(tiers).singleElement().satisfies(tier -> {
			assertThat(tier.get("id")).isEqualTo("exposed-upstream");
			assertThat(tier.get("covers")).isEqualTo("UPSTREAM");
			assertThat(tier.get("organizations")).isEqualTo(1);
			assertThat(tier.get("models")).isEqualTo(1);
			assertThat((List<Map<String, Object>>) tier.get("topFoundations")).singleElement()
				.isEqualTo(Map.of("foundation", "mistralai/Mistral-Small-24B-Base-2501", "models", 6));
		});
		response.path("policyScenario.uncoveredSafetyRemoving").entity(Integer.class).isEqualTo(5);
		assertThat(list(response, "policyScenario.topUncovered")).extracting(u -> u.get("model"))
			.containsExactlyInAnyOrder("huihui-ai/DeepSeek-V3-abliterated",
					"SicariusSicariiStuff/DeepSeek-V3-Abliterated", "BackdoorLLM/Jailbreak_Llama2-7B_BadNets",
					"jkazdan/llama-2-7b-chat-refusal-attack-3", "jkazdan/llama-2-7b-refusal-attack");
	}

	/**
	 * "Policy questions", downstream growth of gemma-7b: every derived model counted
	 * once, dated ones by month, undated ones apart (dates from the Hub's nodes.csv).
	 */
	private void gemmaGrowth(GraphQlTester.Response response) {
		var members = this.seed.descendants("google/gemma-7b", 50).keySet();
		var dates = TestData.huggingFaceCreationDates();
		long undated = members.stream().filter(m -> !dates.containsKey(m)).count();
		response.path("downstreamGrowth.totalDerivatives").entity(Integer.class).isEqualTo(members.size());
		response.path("downstreamGrowth.undatedDerivatives").entity(Long.class).isEqualTo(undated);
		List<Map<String, Object>> months = list(response, "downstreamGrowth.months");
		assertThat(months.stream().mapToInt(m -> (Integer) m.get("derivatives")).sum())
			.isEqualTo(members.size() - (int) undated);
	}

	/** "Ecosystem analytics": figures of the family of Llama 2 7B Chat, and roles. */
	private void ecosystemAnalytics(GraphQlTester.Response response) {
		String root = "meta-llama/Llama-2-7b-chat-hf";
		var members = this.seed.descendants(root, 10);
		Set<String> family = new HashSet<>(members.keySet());
		family.add(root);
		List<SeedFacts.Derivation> inside = this.seed.derivations()
			.stream()
			.filter(d -> members.containsKey(d.child()) && family.contains(d.parent()))
			.toList();
		Map<String, Object> report = response.path("ecosystem").entity(Map.class).get();
		assertThat(report.get("totalDescendants")).isEqualTo(members.size());
		assertThat(report.get("maxDepth")).isEqualTo(members.values().stream().max(Integer::compare).orElseThrow());
		assertThat(report.get("leaves"))
			.isEqualTo((int) members.keySet().stream().filter(id -> this.seed.children(id).isEmpty()).count());
		assertThat(report.get("externalMerges")).isEqualTo((int) members.keySet()
			.stream()
			.filter(id -> this.seed.parents(id).stream().anyMatch(d -> !family.contains(d.parent())))
			.count());
		Map<String, Integer> byRelation = new java.util.TreeMap<>();
		inside.forEach(d -> byRelation.merge(d.relation(), 1, Integer::sum));
		assertThat(counts(report, "byRelation", "relation")).isEqualTo(byRelation);
		Map<String, Integer> byDepth = new java.util.TreeMap<>();
		members.values().forEach(d -> byDepth.merge(d.toString(), 1, Integer::sum));
		assertThat(counts(report, "byDepth", "depth")).isEqualTo(byDepth);
		assertThat((List<Map<String, Object>>) report.get("byOrganization"))
			.extracting(o -> o.get("organization"), o -> ((Number) o.get("count")).longValue())
			.containsExactlyElementsOf(this.seed.byDeveloper(members.keySet())
				.stream()
				.limit(5)
				.map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());
		List<Integer> childCounts = members.keySet()
			.stream()
			.map(id -> this.seed.children(id).size())
			.sorted(java.util.Comparator.reverseOrder())
			.limit(3)
			.toList();
		List<Map<String, Object>> hubs = (List<Map<String, Object>>) report.get("topByChildren");
		assertThat(hubs).extracting(h -> ((Number) h.get("value")).intValue()).containsExactlyElementsOf(childCounts);
		assertThat(hubs).allSatisfy(
				h -> assertThat(this.seed.children(id(h.get("model")))).hasSize(((Number) h.get("value")).intValue()));
		licenceDrift((Map<String, Object>) report.get("licenseDrift"), inside);
		// Three members' ids carry a safety-removal signal (two "refusal-attack"
		// fine-tunes
		// and a jailbreak-backdoored one), none of them downloaded.
		List<String> unsafe = members.keySet().stream().filter(id -> SAFETY_REMOVAL_IN_ID.matcher(id).find()).toList();
		assertThat(unsafe).hasSize(3);
		double unsafeDownloads = unsafe.stream()
			.map(this.seed::model)
			.mapToDouble(m -> m.downloads() == null ? 0 : m.downloads())
			.sum();
		assertThat(map(report, "safety")).containsEntry("removedOrDegraded", unsafe.size());
		assertThat(((Number) map(report, "safety").get("shareOfDownloads")).doubleValue()).isEqualTo(unsafeDownloads)
			.isZero();

		// The three largest families (descendants across the whole graph).
		List<Map.Entry<String, Integer>> foundations = this.seed.models()
			.stream()
			.filter(m -> this.seed.parents(m.id()).isEmpty() && !this.seed.children(m.id()).isEmpty())
			.map(m -> Map.entry(m.id(), this.seed.descendants(m.id(), 50).size()))
			.sorted(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(3)
			.toList();
		assertThat(list(response, "topFoundations")).extracting(f -> id(f.get("model")), f -> f.get("descendants"))
			.containsExactlyElementsOf(foundations.stream()
				.map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());

		// Google's models (Hub accounts and Epoch AI rows): foundations, and derivatives
		// of
		// others' or of its own.
		List<SeedFacts.Model> google = this.seed.models()
			.stream()
			.filter(m -> "google".equals(m.developerId()))
			.toList();
		var parentDevelopers = google.stream()
			.collect(java.util.stream.Collectors.toMap(SeedFacts.Model::id,
					m -> this.seed.parents(m.id())
						.stream()
						.map(d -> String.valueOf(this.seed.model(d.parent()).developerId()))
						.toList()));
		response.path("organization.role.foundations")
			.entity(Integer.class)
			.isEqualTo((int) google.stream().filter(m -> parentDevelopers.get(m.id()).isEmpty()).count());
		response.path("organization.role.derivedFromOthers")
			.entity(Integer.class)
			.isEqualTo((int) google.stream()
				.filter(m -> parentDevelopers.get(m.id()).stream().anyMatch(d -> !d.equals("google")))
				.count());
		response.path("organization.role.derivedFromOwn")
			.entity(Integer.class)
			.isEqualTo((int) google.stream().filter(m -> parentDevelopers.get(m.id()).contains("google")).count())
			.satisfies(own -> assertThat(own).isPositive());
	}

	/**
	 * "Licence drift classifies each derivation through seed-data/licenses.csv
	 * (permissive > copyleft > restricted-use > non-commercial) and flags a more
	 * permissive child of a parent whose licence restricts use".
	 */
	private void licenceDrift(Map<String, Object> drift, List<SeedFacts.Derivation> inside) {
		Map<String, Integer> byKind = new java.util.TreeMap<>();
		List<SeedFacts.Derivation> flagged = new ArrayList<>();
		for (var d : inside) {
			byKind.merge(this.seed.licenceDrift(d), 1, Integer::sum);
			if (this.seed.licenceDriftFlagged(d)) {
				flagged.add(d);
			}
		}
		assertThat(counts(drift, "byKind", "kind")).isEqualTo(byKind);
		assertThat(drift.get("flaggedCount")).isEqualTo(flagged.size());
		// The README's example: an Apache-2.0 fine-tune of a Llama 2 model.
		assertThat(flagged).anySatisfy(d -> {
			assertThat(this.seed.model(d.parent()).license()).isEqualTo("llama2");
			assertThat(this.seed.model(d.child()).license()).isEqualTo("apache-2.0");
		});
		List<String> firstFlagged = flagged.stream().map(SeedFacts.Derivation::child).sorted().limit(3).toList();
		List<Map<String, Object>> listed = (List<Map<String, Object>>) drift.get("flagged");
		assertThat(listed).extracting(f -> id(map(f, "derivation").get("child")))
			.containsExactlyElementsOf(firstFlagged);
		for (var f : listed) {
			String child = id(map(f, "derivation").get("child"));
			var derivation = flagged.stream().filter(d -> d.child().equals(child)).findFirst().orElseThrow();
			assertThat(f).containsEntry("childLicense", this.seed.model(child).license())
				.containsEntry("parentLicense", this.seed.model(derivation.parent()).license());
		}
	}

	static List<String> graphqlBlocks(String markdown) {
		var matcher = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	/** Most downloaded first (unknown downloads last), ties by id: the Hub's order. */
	private java.util.Comparator<String> byDownloads() {
		return java.util.Comparator
			.<String>comparingDouble(
					id -> -(this.seed.model(id).downloads() == null ? -1 : this.seed.model(id).downloads()))
			.thenComparing(java.util.Comparator.naturalOrder());
	}

	/**
	 * "What the Hub's model tree shows": gemma-7b's derivatives by relation, counts and
	 * the most downloaded first; a relation filter; the family by number of children.
	 */
	private void derivativesInTheHubsOrder(GraphQlTester.Response response) {
		String root = "google/gemma-7b";
		Map<String, List<String>> groups = new java.util.TreeMap<>();
		this.seed.children(root)
			.forEach(d -> groups.computeIfAbsent(d.relation(), k -> new ArrayList<>()).add(d.child()));
		groups.values().forEach(g -> g.sort(byDownloads()));
		List<Map<String, Object>> actual = list(response, "model.childrenByRelation");
		assertThat(actual).extracting(g -> g.get("relation"), g -> g.get("count"))
			.containsExactlyElementsOf(groups.entrySet()
				.stream()
				.sorted(java.util.Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
					.thenComparing(Map.Entry::getKey))
				.map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue().size()))
				.toList());
		for (var group : actual) {
			List<String> expected = groups.get((String) group.get("relation"));
			List<Map<String, Object>> edges = (List<Map<String, Object>>) map(group, "children").get("edges");
			assertThat(edges).extracting(e -> id(map(e, "node").get("child")))
				.containsExactlyElementsOf(expected.subList(0, Math.min(3, expected.size())));
			assertThat(map(map(group, "children"), "pageInfo").get("hasNextPage")).isEqualTo(expected.size() > 3);
		}
		List<String> finetunesAndMerges = this.seed.children(root)
			.stream()
			.filter(d -> d.relation().equals("FINETUNE") || d.relation().equals("MERGE"))
			.map(SeedFacts.Derivation::child)
			.sorted(byDownloads())
			.toList();
		response.path("model.children.totalCount").entity(Integer.class).isEqualTo(finetunesAndMerges.size());
		assertThat(list(response, "model.children.edges")).extracting(e -> id(map(e, "node").get("child")))
			.containsExactlyElementsOf(finetunesAndMerges.subList(0, 5))
			.contains("google/gemma-7b-it");
		List<String> hubs = this.seed.descendants(root, 50)
			.keySet()
			.stream()
			.sorted(java.util.Comparator.<String>comparingInt(id -> -this.seed.children(id).size())
				.thenComparing(java.util.Comparator.naturalOrder()))
			.limit(5)
			.toList();
		assertThat(list(response, "model.descendants.edges")).extracting(e -> id(map(e, "node").get("model")))
			.containsExactlyElementsOf(hubs);
	}

	/**
	 * Reports over several roots and one source, organisations ranked by derivatives and
	 * each top foundation's report, against the seed's sources.
	 */
	private void familyReportsAndRankings(GraphQlTester.Response response) {
		List<String> llama = List.of("meta-llama/Llama-2-7b", "meta-llama/Llama-2-7b-chat-hf");
		java.util.function.Predicate<SeedFacts.Derivation> hub = d -> d.source() != null && d.source().startsWith("hf");
		Set<String> members = new HashSet<>();
		llama.forEach(root -> members.addAll(reach(root, hub)));
		llama.forEach(members::remove);
		response.path("familyReport.totalDescendants").entity(Integer.class).isEqualTo(members.size());
		var dates = TestData.huggingFaceCreationDates();
		Map<String, Integer> byMonth = new java.util.TreeMap<>();
		members.forEach(id -> byMonth.merge(dates.containsKey(id) ? dates.get(id).substring(0, 7) : "UNKNOWN", 1,
				Integer::sum));
		List<Map<String, Object>> months = list(response, "familyReport.byMonth");
		assertThat(counts(Map.of("byMonth", months), "byMonth", "month")).isEqualTo(byMonth);
		assertThat(months.get(months.size() - 1).get("month")).isEqualTo("UNKNOWN");

		String v3 = "deepseek-ai/DeepSeek-V3";
		response.path("hubOnly.totalDescendants").entity(Integer.class).isEqualTo(reach(v3, hub).size());
		response.path("withEpochLinks.totalDescendants")
			.entity(Integer.class)
			.isEqualTo(reach(v3, d -> true).size())
			.satisfies(all -> assertThat(all).isGreaterThan(reach(v3, hub).size()));

		// Organisations by the distinct models of others derived from theirs.
		Map<String, Integer> derivatives = new java.util.HashMap<>();
		Map<String, Set<String>> byOrganization = new java.util.HashMap<>();
		this.seed.models()
			.stream()
			.filter(m -> m.developerId() != null && !m.placeholder() && !this.seed.children(m.id()).isEmpty())
			.forEach(m -> byOrganization.computeIfAbsent(m.developerId(), k -> new HashSet<>())
				.addAll(reach(m.id(), d -> true).stream()
					.filter(id -> !m.developerId().equals(this.seed.model(id).developerId()))
					.toList()));
		byOrganization.forEach((organization, built) -> derivatives.put(organization, built.size()));
		List<Integer> top = derivatives.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(5).toList();
		assertThat(list(response, "topOrganizations")).extracting(o -> ((Number) o.get("derivatives")).intValue())
			.containsExactlyElementsOf(top);

		for (var foundation : list(response, "topFoundations")) {
			String id = id(foundation.get("model"));
			assertThat(map(foundation, "ecosystem").get("totalDescendants")).as(id)
				.isEqualTo((int) this.seed.descendants(id, 10)
					.keySet()
					.stream()
					.filter(m -> !this.seed.model(m).placeholder())
					.count());
		}
	}

	/**
	 * Non-placeholder models reachable downwards from {@code root} along {@code edges}.
	 */
	private Set<String> reach(String root, java.util.function.Predicate<SeedFacts.Derivation> edges) {
		Set<String> seen = new HashSet<>();
		var queue = new java.util.ArrayDeque<String>(List.of(root));
		while (!queue.isEmpty()) {
			for (var d : this.seed.children(queue.poll())) {
				if (edges.test(d) && seen.add(d.child())) {
					queue.add(d.child());
				}
			}
		}
		seen.remove(root);
		seen.removeIf(id -> this.seed.model(id).placeholder());
		return seen;
	}

	private static List<Map<String, Object>> list(GraphQlTester.Response response, String path) {
		return response.path(path).entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
	}

	private static Map<String, Object> map(Object parent, String key) {
		return (Map<String, Object>) ((Map<?, ?>) parent).get(key);
	}

	private static String id(Object node) {
		return (String) ((Map<?, ?>) node).get("id");
	}

	private static Map<String, Integer> counts(Map<String, Object> report, String field, String key) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		((List<Map<String, Object>>) report.get(field))
			.forEach(r -> counts.put(r.get(key).toString(), ((Number) r.get("count")).intValue()));
		return counts;
	}

}
