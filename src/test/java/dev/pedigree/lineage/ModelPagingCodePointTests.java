package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code models} paged by its id-keyed cursors over ids the database's two string orders
 * disagree about (CodePointOrderTests): a character beyond the basic plane (U+1F600)
 * against one from U+E000 to U+FFFF. The listing orders by id, a search by downloads then
 * id (searchKey), both as ORDER BY does, by code point; pages of one list every model
 * once, in the order of one big page, on every path a page is read by. Its own unseeded
 * store, closed after the class.
 */
@PedigreeServerTest
@TestPropertySource(properties = "pedigree.seed.enabled=false")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelPagingCodePointTests {

	private static final String LAB = "cpm-lab/";

	private static final List<String> FIRST = List.of("0", "1\uE000", "1\uFF21", "1\uD83D\uDE00", "1\uD83D\uDE01", "2",
			"3\uFFFF", "3\uD83D\uDE00");

	private static final List<String> SECOND = List.of("", "z", "\uE000", "\uFF21", "\uD83D\uDE00");

	private static final Comparator<String> BY_CODE_POINT = (a, b) -> Arrays.compare(a.codePoints().toArray(),
			b.codePoints().toArray());

	private static final String PAGE = """
			query($filter: ModelFilter, $first: Int, $after: String) {
			  models(filter: $filter, first: $first, after: $after) {
			    pageInfo { hasNextPage endCursor }
			    edges { node { id } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	CypherQueries cypher;

	/** Every model of the lab, by code point: all with the same downloads. */
	private List<String> ids;

	@BeforeAll
	void models() {
		this.ids = new ArrayList<>();
		StringBuilder nodes = new StringBuilder("model_id,name,downloads\n");
		for (String first : FIRST) {
			for (String second : SECOND) {
				String id = LAB + "m-" + first + second;
				this.ids.add(id);
				nodes.append(id).append(",m-").append(first).append(second).append(",7\n");
			}
		}
		this.ids.sort(BY_CODE_POINT);
		Curation.importRecords(this.port, "HF_NODES", nodes.toString());
		// Others, more and less downloaded, before and after them in a search.
		Curation.importRecords(this.port, "HF_NODES",
				"model_id,name,downloads\nzz-lab/cpm-lab-top,cpm-lab-top,90\nzz-lab/cpm-lab-low,cpm-lab-low,1\n");
	}

	@Test
	void the_listing_pages_each_model_once_in_the_order_of_one_big_page() {
		Map<String, Object> all = Map.of();
		List<String> big = service(all, 500);
		assertThat(big.stream().filter(id -> id.startsWith(LAB)).toList()).isEqualTo(this.ids);
		assertThat(service(all, 1)).isEqualTo(big);
		assertThat(service(all, 3)).isEqualTo(big);
	}

	@Test
	void the_listing_of_one_developer_pages_each_model_once_in_the_order_of_one_big_page() {
		Map<String, Object> lab = Map.of("developerId", "cpm-lab");
		assertThat(service(lab, 500)).isEqualTo(this.ids);
		assertThat(service(lab, 1)).isEqualTo(this.ids);
	}

	@Test
	void a_search_pages_each_match_once_in_the_order_of_one_big_page() {
		Map<String, Object> search = Map.of("nameContains", "cpm-lab");
		List<String> expected = new ArrayList<>(List.of("zz-lab/cpm-lab-top"));
		expected.addAll(this.ids);
		expected.add("zz-lab/cpm-lab-low");
		assertThat(service(search, 500)).isEqualTo(expected);
		assertThat(service(search, 1)).isEqualTo(expected);
		Map<String, Object> substring = Map.of("nameContains", "m-1");
		List<String> ones = this.ids.stream().filter(id -> id.startsWith(LAB + "m-1")).toList();
		assertThat(service(substring, 500)).isEqualTo(ones);
		assertThat(service(substring, 1)).isEqualTo(ones);
	}

	/**
	 * The paths a search takes when its matches are many, forced on these few: band by
	 * band from a bounded walk of the searchKey index, tier by download tier, and a tier
	 * walked in the searchKey index.
	 */
	@Test
	void a_search_read_band_by_band_pages_each_match_once_in_the_order_of_one_big_page() {
		List<String> expected = new ArrayList<>(List.of("zz-lab/cpm-lab-top"));
		expected.addAll(this.ids);
		expected.add("zz-lab/cpm-lab-low");
		Map<String, ModelSearch> paths = new LinkedHashMap<>();
		paths.put("walked", new ModelSearch(this.graph, this.cypher, 0, ModelSearch.WALK, 0));
		paths.put("tiers", new ModelSearch(this.graph, this.cypher, 0, 0, ModelSearch.BAND_CANDIDATES));
		paths.put("tiers walked", new ModelSearch(this.graph, this.cypher, 0, 0, 0));
		SoftAssertions.assertSoftly(softly -> paths.forEach((path, search) -> {
			softly.assertThat(pages(search, "cpm-lab", 500)).as(path).isEqualTo(expected);
			softly.assertThat(pages(search, "cpm-lab", 1)).as(path + ", pages of one").isEqualTo(expected);
		}));
	}

	/** Every page of a search by {@code term} read by {@code search}, in order. */
	private static List<String> pages(ModelSearch search, String term, int size) {
		List<String> ids = new ArrayList<>();
		String after = null;
		var filter = new ModelFilter(term, null, null, null, null, null, null, null);
		for (int i = 0; i < 200; i++) {
			var page = search.page(filter, size, after);
			page.items().forEach(m -> ids.add(m.id()));
			if (!page.hasNext()) {
				break;
			}
			after = page.cursor(page.items().size() - 1);
		}
		return ids;
	}

	/** Every page of {@code models(filter)} over HTTP, in order. */
	private List<String> service(Map<String, Object> filter, int size) {
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int i = 0; i < 200; i++) {
			var models = GraphQlClient.anonymous(this.port)
				.document(PAGE)
				.variable("filter", new HashMap<>(filter))
				.variable("first", size)
				.variable("after", after)
				.execute()
				.path("models")
				.entity(Map.class)
				.get();
			for (Object edge : (List<?>) models.get("edges")) {
				ids.add((String) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id"));
			}
			var info = (Map<?, ?>) models.get("pageInfo");
			if (!(Boolean) info.get("hasNextPage")) {
				break;
			}
			after = (String) info.get("endCursor");
		}
		return ids;
	}

}
