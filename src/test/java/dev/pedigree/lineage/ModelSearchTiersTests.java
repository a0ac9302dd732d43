package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download tiers of a search (V0012, {@code models-search-tiers.cypher}): every model
 * carries the one tier label of its downloads, kept by imports and curated writes, and a
 * search that reads its bands tier by tier — forced here on the seeded graph with no
 * first statement, no bounded walk and, in one case, tiers of at most three candidates,
 * so that a tier is walked instead — lists exactly the pages the service lists, cursors
 * included.
 */
@PedigreeServerTest
class ModelSearchTiersTests {

	private static final String PAGE = """
			query($filter: ModelFilter, $first: Int, $after: String) {
			  models(filter: $filter, first: $first, after: $after) {
			    pageInfo { hasNextPage endCursor }
			    edges { cursor node { id } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	CypherQueries cypher;

	@Autowired
	Driver driver;

	@Test
	void every_model_carries_one_tier_label_the_number_of_digits_of_its_downloads() {
		List<String> wrong = this.driver.executableQuery("""
				MATCH (m:Model)
				RETURN m.id AS id, m.downloads AS downloads,
				       [l IN labels(m) WHERE l STARTS WITH 'SearchTier'] AS tiers""")
			.execute()
			.records()
			.stream()
			.filter(r -> !r.get("tiers")
				.asList()
				.equals(List.of("SearchTier" + tier(r.get("downloads").isNull() ? 0 : r.get("downloads").asLong()))))
			.map(r -> r.get("id").asString() + " " + r.get("downloads") + " " + r.get("tiers"))
			.toList();
		assertThat(wrong).isEmpty();
	}

	@Test
	void pages_read_tier_by_tier_are_the_service_s_pages() {
		ModelSearch tiers = new ModelSearch(this.graph, this.cypher, 0, 0, ModelSearch.BAND_CANDIDATES);
		ModelSearch walked = new ModelSearch(this.graph, this.cypher, 0, 0, 3);
		double tierReads = Curation.statementsRun(this.port, "lineage/models-search-tiers");
		double scans = Curation.statementsRun(this.port, "lineage/models-search-scan");
		for (String search : List.of("gemma", "gemma-7b", "7b", "llama-2", "gguf", "google/", "a")) {
			for (int size : List.of(37, 500)) {
				if (size == 37 && search.equals("a")) {
					continue; // the 500s cover it
				}
				Listing expected = service(search, size);
				assertThat(expected.ids()).as(search).isNotEmpty();
				assertThat(pages(tiers, search, size)).as(search + ", pages of " + size).isEqualTo(expected);
				assertThat(pages(walked, search, size)).as(search + ", pages of " + size + ", tiers walked")
					.isEqualTo(expected);
			}
		}
		assertThat(Curation.statementsRun(this.port, "lineage/models-search-tiers")).isGreaterThan(tierReads);
		assertThat(Curation.statementsRun(this.port, "lineage/models-search-scan")).as("a tier walked")
			.isGreaterThan(scans);
	}

	@Test
	void a_model_imported_or_renamed_is_found_at_once_in_its_tier_and_rank() {
		ModelSearch tiers = new ModelSearch(this.graph, this.cypher, 0, 0, ModelSearch.BAND_CANDIDATES);
		String lab = "tier-probe-lab/";
		Curation.importRecords(this.port, "HF_NODES",
				"model_id,name,downloads\n" + lab + "qzx-tier-one,qzx-tier-one,1234\n" + lab
						+ "qzx-tier-two,qzx-tier-two,99\n" + lab + "other-qzx,other-qzx,500000\n");
		assertThat(tierOf(lab + "qzx-tier-one")).isEqualTo(List.of("SearchTier4"));
		assertThat(tierOf(lab + "qzx-tier-two")).isEqualTo(List.of("SearchTier2"));
		assertThat(tierOf(lab + "other-qzx")).isEqualTo(List.of("SearchTier6"));
		List<String> first = List.of(lab + "qzx-tier-one", lab + "qzx-tier-two", lab + "other-qzx");
		assertThat(pages(tiers, "qzx", 1).ids()).isEqualTo(first);
		assertThat(pages(tiers, "qzx", 1)).isEqualTo(service("qzx", 1));

		// More downloads: a higher tier, the old label gone, first among the prefixes.
		Curation.importRecords(this.port, "HF_NODES", "model_id,downloads\n" + lab + "qzx-tier-two,5000000\n");
		assertThat(tierOf(lab + "qzx-tier-two")).isEqualTo(List.of("SearchTier7"));
		List<String> second = List.of(lab + "qzx-tier-two", lab + "qzx-tier-one", lab + "other-qzx");
		assertThat(pages(tiers, "qzx", 1).ids()).isEqualTo(second);
		assertThat(pages(tiers, "qzx", 1)).isEqualTo(service("qzx", 1));

		// Renamed by a curator: now a prefix match, ranked by its downloads.
		Curation.register(this.port, lab + "other-qzx", "qzx-renamed");
		assertThat(tierOf(lab + "other-qzx")).isEqualTo(List.of("SearchTier6"));
		List<String> third = List.of(lab + "qzx-tier-two", lab + "other-qzx", lab + "qzx-tier-one");
		assertThat(pages(tiers, "qzx", 1).ids()).isEqualTo(third);
		assertThat(pages(tiers, "qzx", 1)).isEqualTo(service("qzx", 1));
		assertThat(pages(tiers, "qzx-ren", 2).ids()).isEqualTo(List.of(lab + "other-qzx"));
	}

	/**
	 * A band read from the top is walked only when the probe of the most downloaded
	 * models saw enough of its matches to fill the page at that density: a term none of
	 * them contains goes to the tiers at once (same pages), one most of them contain
	 * ("a") is walked.
	 */
	@Test
	void a_band_the_probe_saw_too_few_matches_of_is_not_walked() {
		ModelSearch search = new ModelSearch(this.graph, this.cypher, 0, ModelSearch.WALK, ModelSearch.BAND_CANDIDATES);
		String lab = "probe-walk-lab/";
		Curation.importRecords(this.port, "HF_NODES", "model_id,name,downloads\n" + lab + "wqvz,wqvz,1\n" + lab
				+ "wqvz-one,wqvz-one,3\n" + lab + "other-wqvz,other-wqvz,2\n");
		assertThat(probe("wqvz")).isEqualTo(List.of(0, 0));
		assertThat(probe("a").get(0) + probe("a").get(1)).isGreaterThan(ModelSearch.PROBE / 2);

		double walks = Curation.statementsRun(this.port, "lineage/models-search-walk");
		Listing rare = pages(search, "wqvz", 500);
		assertThat(rare.ids()).isEqualTo(List.of(lab + "wqvz", lab + "wqvz-one", lab + "other-wqvz"));
		assertThat(rare).isEqualTo(service("wqvz", 500));
		assertThat(Curation.statementsRun(this.port, "lineage/models-search-walk")).as("walks").isEqualTo(walks);

		assertThat(pages(search, "a", 500)).isEqualTo(service("a", 500));
		assertThat(Curation.statementsRun(this.port, "lineage/models-search-walk")).as("walks").isGreaterThan(walks);
	}

	/**
	 * The probe's count of the prefix and the substring band among the most downloaded.
	 */
	private List<Integer> probe(String search) {
		Map<String, Object> params = new HashMap<>(ModelSearch.filterParameters(null));
		params.putAll(Map.of("search", search, "contains", List.of(search), "candidates", ModelSearch.CANDIDATES,
				"minRank", 0, "maxRank", 2, "afterRank", 0, "limit", 1));
		params.putAll(CodePointOrder.after("afterKey", ""));
		params.putAll(Map.of("probe", ModelSearch.PROBE, "dense", ModelSearch.DENSE));
		var row = this.graph.read(this.cypher.get("lineage/models-search"), params).get(0);
		return List.of(row.get("seenPrefix").asInt(), row.get("seenSubstring").asInt());
	}

	/** The number of digits of the downloads, 0 for none, at most 9. */
	private static int tier(long downloads) {
		return downloads <= 0 ? 0 : Math.min(9, Long.toString(downloads).length());
	}

	private List<Object> tierOf(String id) {
		return this.driver.executableQuery("""
				MATCH (m:Model {id: $id}) RETURN [l IN labels(m) WHERE l STARTS WITH 'SearchTier'] AS tiers""")
			.withParameters(Map.of("id", id))
			.execute()
			.records()
			.get(0)
			.get("tiers")
			.asList();
	}

	/** The ids and cursors of every page of a search, in order. */
	private record Listing(List<String> ids, List<String> cursors) {
	}

	/** Every page of a search by {@code search}. */
	private static Listing pages(ModelSearch search, String term, int size) {
		List<String> ids = new ArrayList<>();
		List<String> cursors = new ArrayList<>();
		String after = null;
		var filter = new ModelFilter(term, null, null, null, null, null, null, null);
		while (true) {
			var page = search.page(filter, size, after);
			for (int i = 0; i < page.items().size(); i++) {
				ids.add(page.items().get(i).id());
				cursors.add(page.cursor(i));
			}
			if (!page.hasNext()) {
				break;
			}
			after = page.cursor(page.items().size() - 1);
		}
		return new Listing(ids, cursors);
	}

	/** The same over HTTP, from the service's own search. */
	private Listing service(String term, int size) {
		List<String> ids = new ArrayList<>();
		List<String> cursors = new ArrayList<>();
		String after = null;
		while (true) {
			var models = GraphQlClient.anonymous(this.port)
				.document(PAGE)
				.variable("filter", Map.of("nameContains", term))
				.variable("first", size)
				.variable("after", after)
				.execute()
				.path("models")
				.entity(Map.class)
				.get();
			for (Object edge : (List<?>) models.get("edges")) {
				ids.add((String) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id"));
				cursors.add((String) ((Map<?, ?>) edge).get("cursor"));
			}
			var info = (Map<?, ?>) models.get("pageInfo");
			if (!(Boolean) info.get("hasNextPage")) {
				break;
			}
			after = (String) info.get("endCursor");
		}
		return new Listing(ids, cursors);
	}

}
