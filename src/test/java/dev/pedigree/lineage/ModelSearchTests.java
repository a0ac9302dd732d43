package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code models(filter: {nameContains})} over HTTP on the seeded graph, paged by keyset:
 * every page of a search, in any page size, joins into one list that holds every match
 * once ({@code totalCount}, counted by another statement), in the ranking the schema
 * states (exact id, name or name part; then prefixes; then other substrings; each most
 * downloaded first, then by id). Searches with more matches than {@link ModelSearch}
 * orders at once ("gemma", "7b", "a") take the band-by-band path, the others the
 * one-statement path; "a", which most of the most downloaded models contain, takes it
 * without the text-index lookup (ModelSearch's probe). All are checked alike, and filters
 * combined with a search list exactly the search's matches that pass the filter, in the
 * same order.
 */
@PedigreeServerTest
class ModelSearchTests {

	private static final String PAGE = """
			query($filter: ModelFilter, $first: Int, $after: String) {
			  models(filter: $filter, first: $first, after: $after) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			    edges { cursor node { id name aliases downloads parents { relation } } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	CypherQueries cypher;

	@Test
	void every_page_of_a_search_follows_the_ranking_with_no_duplicates_or_gaps() {
		// Both paths: more matches than one statement orders, and fewer.
		assertThat(all(Map.of("nameContains", "gemma"), 200)).hasSizeGreaterThan(ModelSearch.CANDIDATES);
		assertThat(all(Map.of("nameContains", "llama-2"), 200)).hasSizeLessThan(ModelSearch.CANDIDATES);
		for (String search : List.of("gemma", "gemma-7b", "GEMMA-7B", "7b", "llama-2", "gguf", "a", "google/")) {
			for (int size : List.of(1, 37, 500)) {
				if (size == 1 && !search.equals("google/") || size == 37 && search.equals("a")) {
					continue; // small pages only where the list is short enough
				}
				List<Hit> hits = all(Map.of("nameContains", search), size);
				String term = search.toLowerCase(Locale.ROOT);
				assertThat(hits).as(search).isNotEmpty().allSatisfy(h -> assertThat(h.text()).contains(term));
				assertThat(hits).as(search + ", pages of " + size).isSortedAccordingTo(ranking(term));
			}
		}
		// The exact name part first, then its prefixes (GGUF and other variants), on the
		// band-by-band path too.
		assertThat(all(Map.of("nameContains", "gemma-7b"), 500).get(0).id()).isEqualTo("google/gemma-7b");
	}

	/**
	 * The probe sends "a" (in most of the 200 most downloaded models, 6,000 of the seeded
	 * graph's) band by band without its text-index lookup, and neither "gemma" (3,525
	 * matches, but few among the most downloaded) nor "llama-2": the pages of all three
	 * are checked above.
	 */
	@Test
	void only_a_term_most_of_the_most_downloaded_models_contain_skips_the_text_index_lookup() {
		assertThat(probe("a")).isTrue();
		assertThat(probe("gemma")).isFalse();
		assertThat(probe("llama-2")).isFalse();
	}

	private boolean probe(String search) {
		Map<String, Object> params = new HashMap<>(ModelSearch.filterParameters(null));
		params.putAll(Map.of("search", search, "contains", List.of(search), "candidates", ModelSearch.CANDIDATES,
				"minRank", 0, "maxRank", 2, "afterRank", 0, "limit", 1));
		params.putAll(CodePointOrder.after("afterKey", ""));
		params.putAll(Map.of("probe", ModelSearch.PROBE, "dense", ModelSearch.DENSE));
		return this.graph.read(this.cypher.get("lineage/models-search"), params).get(0).get("dense").asBoolean();
	}

	@Test
	void a_search_with_filters_lists_the_search_s_matches_that_pass_them_in_the_same_order() {
		for (String search : List.of("gemma", "llama", "a")) {
			List<Hit> matches = all(Map.of("nameContains", search), 500);
			assertFiltered(Map.of("nameContains", search, "relation", "ADAPTER"), matches,
					h -> h.relations().contains("ADAPTER"));
			assertFiltered(Map.of("nameContains", search, "hasParents", false), matches, h -> h.relations().isEmpty());
		}
	}

	@Test
	void a_cursor_of_another_kind_is_refused_on_the_after_argument() {
		String position = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("pos:3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("nameContains", "gemma"), Map.of())) {
			GraphQlClient.anonymous(this.port)
				.document(PAGE)
				.variable("filter", filter)
				.variable("after", position)
				.execute()
				.errors()
				.satisfy(list -> assertThat(list).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")
						.containsEntry("field", "after")));
		}
	}

	private void assertFiltered(Map<String, Object> filter, List<Hit> matches, Predicate<Hit> passes) {
		List<String> expected = matches.stream().filter(passes).map(Hit::id).toList();
		assertThat(expected).as(filter.toString()).isNotEmpty();
		assertThat(all(filter, 23).stream().map(Hit::id).toList()).as(filter.toString())
			.containsExactlyElementsOf(expected);
	}

	/**
	 * Every page of the list, {@code size} at a time, following end cursors; checks the
	 * page info and that the pages join into {@code totalCount} distinct models.
	 */
	private List<Hit> all(Map<String, Object> filter, int size) {
		List<Hit> hits = new ArrayList<>();
		String after = null;
		Integer total = null;
		boolean hasNext;
		do {
			var models = GraphQlClient.anonymous(this.port)
				.document(PAGE)
				.variable("filter", filter)
				.variable("first", size)
				.variable("after", after)
				.execute()
				.path("models")
				.entity(Map.class)
				.get();
			total = ((Number) models.get("totalCount")).intValue();
			var info = (Map<?, ?>) models.get("pageInfo");
			assertThat(info.get("hasPreviousPage")).as(filter + " after " + after).isEqualTo(after != null);
			var edges = (List<?>) models.get("edges");
			assertThat(edges.size()).as(filter.toString()).isLessThanOrEqualTo(size);
			for (Object edge : edges) {
				hits.add(Hit.of((Map<?, ?>) ((Map<?, ?>) edge).get("node")));
			}
			hasNext = (Boolean) info.get("hasNextPage");
			if (hasNext) {
				assertThat(edges).as(filter.toString()).hasSize(size);
				after = (String) info.get("endCursor");
				assertThat(after).isEqualTo(((Map<?, ?>) edges.get(edges.size() - 1)).get("cursor"));
			}
		}
		while (hasNext);
		Set<String> ids = new HashSet<>();
		assertThat(hits).as(filter + ", pages of " + size).allSatisfy(h -> assertThat(ids.add(h.id())).isTrue());
		assertThat(hits).as(filter + ", pages of " + size).hasSize(total);
		return hits;
	}

	/** The order the schema describes, for a lower-case search. */
	private static Comparator<Hit> ranking(String search) {
		return Comparator.<Hit>comparingInt(h -> h.rank(search))
			.thenComparing(Comparator.comparingLong(Hit::downloads).reversed())
			.thenComparing(Hit::id);
	}

	private record Hit(String id, String name, List<String> aliases, long downloads, List<String> relations) {

		static Hit of(Map<?, ?> node) {
			List<String> relations = ((List<?>) node.get("parents")).stream()
				.map(p -> (String) ((Map<?, ?>) p).get("relation"))
				.toList();
			Number downloads = (Number) node.get("downloads");
			return new Hit((String) node.get("id"), (String) node.get("name"),
					((List<?>) node.get("aliases")).stream().map(String::valueOf).toList(),
					downloads == null ? 0 : downloads.longValue(), relations);
		}

		/** What a search matches: id, name and aliases, lower case. */
		String text() {
			return (this.id + " " + (this.name == null ? "" : this.name) + " " + String.join(" ", this.aliases))
				.toLowerCase(Locale.ROOT);
		}

		int rank(String search) {
			List<String> names = List.of(this.id.toLowerCase(Locale.ROOT),
					this.name == null ? "" : this.name.toLowerCase(Locale.ROOT),
					// Cypher's split(id, '/')[1]: the part between the first and a second
					// "/".
					this.id.contains("/") ? this.id.split("/", -1)[1].toLowerCase(Locale.ROOT) : "");
			if (names.contains(search)) {
				return 0;
			}
			return names.stream().anyMatch(n -> n.startsWith(search)) ? 1 : 2;
		}

	}

}
