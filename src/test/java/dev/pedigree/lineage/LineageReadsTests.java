package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.SeedFacts;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the README and the schema document, over GraphQL/HTTP against the seeded server,
 * checked against the seed's sources ({@link SeedFacts}).
 */
@PedigreeServerTest
class LineageReadsTests {

	@LocalServerPort
	int port;

	private final SeedFacts seed = SeedFacts.load();

	@Test
	void lineage_path_is_a_shortest_chain_of_the_sources_and_null_when_to_is_no_ancestor() {
		String from = "mradermacher/medinote-7b-GGUF";
		String to = "meta-llama/Llama-2-7b";
		var response = GraphQlClient.anonymous(this.port)
			.document("query($from: ID!, $to: ID!) { lineagePath(from: $from, to: $to) "
					+ "{ child { id } parent { id } relation source } }")
			.variable("from", from)
			.variable("to", to)
			.execute();
		List<Map> chain = response.path("lineagePath").entityList(Map.class).get();
		assertThat(chain).hasSize(this.seed.ancestors(from, 50).get(to)).hasSize(3);
		String child = from;
		for (Map<?, ?> step : chain) {
			assertThat(((Map<?, ?>) step.get("child")).get("id")).isEqualTo(child);
			String parent = (String) ((Map<?, ?>) step.get("parent")).get("id");
			String expectedChild = child;
			var derivation = this.seed.parents(child)
				.stream()
				.filter(d -> d.parent().equals(parent))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no derivation " + expectedChild + " <- " + parent));
			assertThat(step.get("relation")).isEqualTo(derivation.relation());
			assertThat(step.get("source")).isEqualTo(derivation.source());
			child = parent;
		}
		assertThat(child).isEqualTo(to);
		// Downwards is no ancestry: null, not an empty chain.
		GraphQlClient.anonymous(this.port)
			.document("query($from: ID!, $to: ID!) { lineagePath(from: $from, to: $to) { child { id } } }")
			.variable("from", to)
			.variable("to", from)
			.execute()
			.path("lineagePath")
			.valueIsNull();
	}

	@Test
	void models_filter_by_license_by_parents_and_by_relation_as_the_sources_say() {
		// license: the licence id as stored (Hub nodes.csv).
		assertFilter("{license: \"gemma\"}", m -> "gemma".equals(m.license()));
		// hasParents: derived models only, or roots only (here Google's: Hub and Epoch
		// AI).
		assertFilter("{developerId: \"google\", hasParents: true}",
				m -> "google".equals(m.developerId()) && !this.seed.parents(m.id()).isEmpty());
		assertFilter("{developerId: \"google\", hasParents: false}",
				m -> "google".equals(m.developerId()) && this.seed.parents(m.id()).isEmpty());
		// relation: models with a parent derivation of that kind.
		assertFilter("{nameContains: \"gemma\", relation: ADAPTER}",
				m -> Stream.concat(Stream.of(m.id()), m.aliases().stream())
					.anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("gemma"))
						&& this.seed.parents(m.id()).stream().anyMatch(d -> d.relation().equals("ADAPTER")));
	}

	/**
	 * Every page of the filter holds exactly the sources' matching models, plus, in this
	 * shared server, only models that tests and fixtures registered (test/…, …fixture…).
	 */
	private void assertFilter(String filter, java.util.function.Predicate<SeedFacts.Model> expected) {
		Set<String> ids = this.seed.models()
			.stream()
			.filter(m -> !m.placeholder())
			.filter(expected)
			.map(SeedFacts.Model::id)
			.collect(Collectors.toSet());
		assertThat(ids).as(filter).hasSizeGreaterThan(1);
		List<String> listed = new ArrayList<>();
		String after = null;
		int total;
		do {
			var response = GraphQlClient.anonymous(this.port)
				.document("query($after: String) { models(filter: " + filter + ", first: 500, after: $after) "
						+ "{ totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }")
				.variable("after", after)
				.execute();
			total = response.path("models.totalCount").entity(Integer.class).get();
			listed.addAll(response.path("models.edges[*].node.id").entityList(String.class).get());
			after = response.path("models.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("models.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(listed).as(filter).hasSize(total).doesNotHaveDuplicates().containsAll(ids);
		if (!filter.contains("nameContains")) {
			// By id without a search; a search ranks matches instead
			// (ForgivingLookupTests).
			assertThat(listed).as(filter).isSorted();
		}
		assertThat(listed).as(filter + ": not in the sources")
			.filteredOn(id -> !ids.contains(id))
			.allSatisfy(
					id -> assertThat(id.startsWith("test/") || id.toLowerCase(Locale.ROOT).contains("fixture")).as(id)
						.isTrue());
	}

	@Test
	void children_pages_follow_their_cursors_without_overlap_and_carry_the_total() {
		String parent = "meta-llama/Llama-2-7b";
		List<String> expected = this.seed.children(parent).stream().map(SeedFacts.Derivation::child).sorted().toList();
		assertThat(expected).hasSizeGreaterThan(30);
		List<String> listed = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean hasNext;
		do {
			var response = GraphQlClient.anonymous(this.port)
				.document("query($id: ID!, $after: String) { model(id: $id) { children(first: 10, after: $after) "
						+ "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { child { id } } } } } }")
				.variable("id", parent)
				.variable("after", after)
				.execute();
			response.path("model.children.totalCount").entity(Integer.class).isEqualTo(expected.size());
			List<String> page = response.path("model.children.edges[*].node.child.id").entityList(String.class).get();
			List<String> cursors = response.path("model.children.edges[*].cursor").entityList(String.class).get();
			assertThat(page).hasSize(Math.min(10, expected.size() - listed.size()));
			hasNext = response.path("model.children.pageInfo.hasNextPage").entity(Boolean.class).get();
			String end = response.path("model.children.pageInfo.endCursor").entity(String.class).get();
			assertThat(end).isEqualTo(cursors.get(cursors.size() - 1));
			assertThat(page).as("no overlap with earlier pages").noneMatch(listed::contains);
			listed.addAll(page);
			after = end;
			pages++;
		}
		while (hasNext);
		assertThat(listed).as("every child once, ordered by child id").isEqualTo(expected);
		assertThat(pages).isEqualTo((expected.size() + 9) / 10);
	}

	@Test
	void organisations_carry_their_curated_names_aliases_and_sourced_revenue_across_sources() throws Exception {
		List<String> ids;
		try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("seed-data/organizations.csv"))) {
			ids = lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
		}
		assertThat(ids).contains("meta", "google", "deepseek");
		// A Hub model of each alias that is a Hub account: its developer is the
		// organisation.
		Map<String, String> hubModelByAlias = new LinkedHashMap<>();
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < ids.size(); i++) {
			var organization = this.seed.organization(ids.get(i));
			document.append(" o")
				.append(i)
				.append(": organization(id: \"")
				.append(organization.id())
				.append("\") { id name aliases annualRevenueUsd revenueSource }");
			for (String alias : organization.aliases()) {
				this.seed.models()
					.stream()
					.filter(m -> m.id().startsWith(alias + "/") && !m.placeholder())
					.findFirst()
					.ifPresent(m -> hubModelByAlias.put(m.id(), organization.id()));
			}
		}
		List<String> models = new ArrayList<>(hubModelByAlias.keySet());
		for (int i = 0; i < models.size(); i++) {
			document.append(" m")
				.append(i)
				.append(": model(id: \"")
				.append(models.get(i))
				.append("\") { developer { id } }");
		}
		var response = GraphQlClient.anonymous(this.port).document(document.append(" }").toString()).execute();
		for (int i = 0; i < ids.size(); i++) {
			var expected = this.seed.organization(ids.get(i));
			Map<?, ?> actual = response.path("o" + i).entity(Map.class).get();
			assertThat(actual.get("name")).isEqualTo(expected.name());
			assertThat((List<String>) actual.get("aliases")).as(expected.id())
				.containsExactlyInAnyOrderElementsOf(expected.aliases());
			assertThat(actual.get("annualRevenueUsd")).as(expected.id()).isEqualTo(expected.annualRevenueUsd());
			assertThat(actual.get("revenueSource")).as(expected.id()).isEqualTo(expected.revenueSource());
		}
		assertThat(hubModelByAlias.values()).as("organisations with Hub accounts among their aliases")
			.contains("meta", "google", "deepseek", "mistral-ai", "microsoft");
		for (int i = 0; i < models.size(); i++) {
			response.path("m" + i + ".developer.id").entity(String.class).isEqualTo(hubModelByAlias.get(models.get(i)));
		}
		// Epoch AI names the same organisations differently ("Meta AI", "Google
		// DeepMind").
		assertThat(this.seed.model("meta-llama/Llama-2-7b").aliases()).contains("Llama 2-7B");
	}

	@Test
	void a_write_drops_the_cached_order_of_a_large_family_at_once() {
		String root = "test/large-family-" + UUID.randomUUID().toString().substring(0, 8);
		// 1,000 members: large enough for the family order to be cached
		// (pedigree.limits.family-cache-ttl).
		String edges = IntStream.range(0, 1000)
			.mapToObj(i -> root + "," + root + "-m" + String.format("%04d", i) + ",finetune")
			.collect(Collectors.joining("\n", "parent_id,child_id,relation\n", "\n"));
		importEdges(edges).isEqualTo(1000);
		assertFirstDescendants(root, 1000, root + "-m0000");
		// A single write (GraphQL mutation) ...
		String first = root + "-a-first";
		GraphQlClient.curator(this.port)
			.documentName("registerModel")
			.variable("input", Map.of("id", first, "name", first))
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(first);
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", first, "parentIds", List.of(root), "relation", "FINETUNE"))
			.execute()
			.path("recordDerivation[0].child.id")
			.entity(String.class)
			.isEqualTo(first);
		assertFirstDescendants(root, 1001, first);
		// ... and an import.
		String earlier = root + "-a-earlier";
		importEdges("parent_id,child_id,relation\n" + root + "," + earlier + ",adapter\n").isEqualTo(1);
		assertFirstDescendants(root, 1002, earlier);
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Entity<Integer, ?> importEdges(String csv) {
		var report = GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "HF_EDGES")
			.variable("content", csv)
			.execute();
		report.path("importRecords.rejected").entityList(Object.class).hasSize(0);
		return report.path("importRecords.created").entity(Integer.class);
	}

	private void assertFirstDescendants(String root, int total, String firstId) {
		var response = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { descendants(first: 1) { totalCount "
					+ "edges { node { model { id } } } } } }")
			.variable("id", root)
			.execute();
		response.path("model.descendants.totalCount").entity(Integer.class).isEqualTo(total);
		response.path("model.descendants.edges[*].node.model.id").entityList(String.class).containsExactly(firstId);
	}

}
