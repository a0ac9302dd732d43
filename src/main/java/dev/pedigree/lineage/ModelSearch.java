package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.Record;

import dev.pedigree.common.Cursors;
import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.Page;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@code models(filter)} by keyset, so a page costs about the same at any depth and on
 * any size of graph. Without a search the list is in id order, paged on the id index.
 * With one, matches rank exact (id, name or the id's name part after "/"), then prefix,
 * then other substring, each band most downloaded first, then by id: the key of a match
 * is (rank, {@code searchKey}), a stored property that orders downloads-then-id as one
 * range index (V0011). A page is found one of two ways:
 * <ul>
 * <li>from the models the text index on {@code searchText} finds, when they are few
 * ({@value #CANDIDATES} at most): ranked and ordered in one statement
 * ({@code models-search.cypher});</li>
 * <li>otherwise band by band: the prefix and substring bands first from a bounded walk of
 * the {@code searchKey} index ({@value #WALK} models, {@code models-search-walk.cypher}),
 * which fills a page of a band most models share after a few dozen entries; a band the
 * walk does not fill tier by download tier ({@code models-search-tiers.cypher}, V0012):
 * each model carries a label of the number of digits of its downloads with its own text
 * index, so the band's matches are looked up and ranked from the most downloaded tier
 * down, and the tiers below the one that fills the page are never read. A tier with more
 * than {@value #BAND_CANDIDATES} of the term's candidates is walked in the
 * {@code searchKey} index instead, from where it starts
 * ({@code models-search-scan.cypher}). The exact band comes from its own narrow text
 * lookups, or that walk when they are many.</li>
 * </ul>
 * The bounded walk replaced reading a dense band's 10,001 text-index candidates only to
 * learn that they were too many: on the 2M graph 6 of 10 benchmark terms take that path.
 * The tiers replaced ranking up to {@value #BAND_CANDIDATES} of a band's candidates when
 * the walk did not fill it: an 8-character term with 3,600–13,400 matches, few among the
 * most downloaded, read 25,000–69,000 db hits that way and about 500–1,500 by tiers. The
 * first statement also probes the {@value #PROBE} most downloaded models: when
 * {@value #DENSE} or more of them match and their share of all models is more than
 * {@value #CANDIDATES}, the term's text-index lookup is not run and the search goes band
 * by band at once. That lookup costs 2–15 ms on the 2M graph on a quiet machine (7–55 ms
 * loaded) for a common term ("ba", "7b") however few entries it reads, the probe about a
 * millisecond; a wrong guess costs time, never a different page, since the band-by-band
 * path answers any term. A band read from the top is walked only when the probe saw
 * enough of its matches for the walk to fill the page at that density; otherwise it goes
 * to the tiers at once (a walk that does not fill costs 3–8 ms there, the tiers 2–3 ms).
 * Cursors hold the key of an item, opaque to clients.
 */
@Component
class ModelSearch {

	/**
	 * How many text-index candidates a search ranks and orders in one statement; past
	 * that, a band is read by walking the searchKey index instead (2,000 rows order in
	 * 1–3 ms; the walk's cost falls as matches grow denser).
	 */
	static final int CANDIDATES = 2_000;

	/**
	 * The same for the exact band, and for one download tier of another band, once the
	 * whole search had more: past it the matches are at least 1 in 200 models of the
	 * graph (or of the tier), so walking the searchKey index fills a page within a few
	 * thousand models.
	 */
	static final int BAND_CANDIDATES = 10_000;

	/**
	 * How many models of the searchKey index a band's bounded walk reads at most before
	 * the band is found another way: a band with a page of matches among them is answered
	 * in a few milliseconds; one without costs the walk, then what it cost before.
	 */
	static final int WALK = 2_000;

	/**
	 * How many of the most downloaded models the first statement checks for the term
	 * before its text-index lookup.
	 */
	static final int PROBE = 200;

	/**
	 * How many of the {@value #PROBE} probed models must match, at least, for their share
	 * to stand for the term's. Two, not one: of the 2M benchmark graph's 179 distinct
	 * terms, three with one probed match had 171–1,857 matches, every one with two or
	 * more had over {@value #CANDIDATES}. Whether a band's bounded walk is tried is
	 * decided apart, from the probe's count of that band.
	 */
	static final int DENSE = 2;

	private static final int SUBSTRING = 2;

	private final Graph graph;

	private final CypherQueries cypher;

	/**
	 * {@value #CANDIDATES}, {@value #WALK} and {@value #BAND_CANDIDATES}; fewer in tests,
	 * so that the seeded graph's searches take every path.
	 */
	private final int candidates;

	private final int walk;

	private final int tierCandidates;

	@Autowired
	ModelSearch(Graph graph, CypherQueries cypher) {
		this(graph, cypher, CANDIDATES, WALK, BAND_CANDIDATES);
	}

	ModelSearch(Graph graph, CypherQueries cypher, int candidates, int walk, int tierCandidates) {
		this.graph = graph;
		this.cypher = cypher;
		this.candidates = candidates;
		this.walk = walk;
		this.tierCandidates = tierCandidates;
	}

	Page<ModelView> page(ModelFilter filter, int size, String after) {
		Map<String, Object> filters = filterParameters(filter);
		String search = (String) filters.get("search");
		String key = Cursors.key(after);
		if (search == null) {
			Map<String, Object> params = new HashMap<>(filters);
			params.putAll(CodePointOrder.after(key == null ? "" : key));
			params.put("limit", size + 1);
			List<Row> rows = this.graph.read(this.cypher.get("lineage/models-page"), params, r -> {
				ModelView model = ModelView.from(r.get("model").asNode());
				return new Row(model, model.id());
			});
			return page(rows, size, key != null, filters);
		}
		Position from = Position.of(key);
		List<Row> rows = new ArrayList<>();
		Band all = candidates(filters, Needles.all(search), 0, SUBSTRING, from, size + 1, this.candidates, PROBE);
		if (!all.overflow()) {
			rows.addAll(all.rows());
		}
		else {
			for (int rank = from.rank(); rank <= SUBSTRING && rows.size() <= size; rank++) {
				Position start = rank == from.rank() ? from : new Position(rank, "");
				int limit = size + 1 - rows.size();
				if (rank == 0) {
					Band band = candidates(filters, Needles.exact(search), 0, 0, start, limit, BAND_CANDIDATES, 0);
					rows.addAll(band.overflow() ? scan("lineage/models-search-scan", filters, 0, start.key(), limit)
							: band.rows());
					continue;
				}
				// From the top, the probe tells whether the walk is likely to fill the
				// page; one that cannot costs its 2,000 models before the tiers.
				boolean walks = !start.key().isEmpty() || all.seen(rank) * this.walk >= limit * PROBE;
				List<Row> walked = walks ? scan("lineage/models-search-walk", filters, rank, start.key(), limit)
						: List.of();
				rows.addAll(walked.size() == limit ? walked : tiers(filters,
						rank == 1 ? Needles.prefix(search) : Needles.all(search), rank, start.key(), limit));
			}
		}
		return page(rows, size, key != null, filters);
	}

	private Page<ModelView> page(List<Row> rows, int size, boolean after, Map<String, Object> filters) {
		return Page.keyed(rows.stream().map(Row::model).toList(), rows.stream().map(Row::key).toList(), size, after,
				SingletonSupplier.of(() -> total(filters)));
	}

	private int total(Map<String, Object> filters) {
		return this.graph.total(this.cypher.get("lineage/models-count"), filters);
	}

	/**
	 * The band's matches among the models the text index finds for the needles; overflow
	 * when they are more than {@code most}, or when {@code probe} > 0 and the probe finds
	 * the term dense.
	 */
	private Band candidates(Map<String, Object> filters, Needles needles, int minRank, int maxRank, Position from,
			int limit, int most, int probe) {
		Map<String, Object> params = new HashMap<>(filters);
		params.put("contains", needles.contains());
		params.put("candidates", most);
		params.put("minRank", minRank);
		params.put("maxRank", maxRank);
		params.put("afterRank", from.rank());
		params.putAll(CodePointOrder.after("afterKey", from.key()));
		params.put("limit", limit);
		params.put("probe", probe);
		params.put("dense", DENSE);
		Record result = this.graph.read(this.cypher.get("lineage/models-search"), params).get(0);
		return new Band(result.get("overflow").asBoolean(),
				result.get("rows")
					.asList(v -> row(v.get("model").asNode(), v.get("rank").asInt(), v.get("key").asString())),
				result.get("seenPrefix").asInt(0), result.get("seenSubstring").asInt(0));
	}

	/**
	 * The band's matches, walking the searchKey index from after {@code afterKey}: until
	 * the page is full ({@code models-search-scan}), or at most {@value #WALK} models
	 * ({@code models-search-walk}).
	 */
	private List<Row> scan(String query, Map<String, Object> filters, int rank, String afterKey, int limit) {
		Map<String, Object> params = new HashMap<>(filters);
		params.put("rank", rank);
		params.putAll(CodePointOrder.after("afterKey", afterKey));
		params.put("limit", limit);
		params.put("walk", this.walk);
		return this.graph.read(this.cypher.get(query), params,
				r -> row(r.get("model").asNode(), rank, r.get("key").asString()));
	}

	/**
	 * The band's matches after {@code afterKey}, tier by download tier from the highest;
	 * a tier with more candidates than {@link #tierCandidates} comes back as where it
	 * starts (a row without a model), and the band goes on from there by walking the
	 * searchKey index.
	 */
	private List<Row> tiers(Map<String, Object> filters, Needles needles, int rank, String afterKey, int limit) {
		Map<String, Object> params = new HashMap<>(filters);
		params.put("contains", needles.contains());
		params.put("candidates", this.tierCandidates);
		params.put("rank", rank);
		params.putAll(CodePointOrder.after("afterKey", afterKey));
		params.put("limit", limit);
		List<Row> rows = new ArrayList<>();
		for (Record record : this.graph.read(this.cypher.get("lineage/models-search-tiers"), params)) {
			String key = record.get("key").asString();
			if (record.get("model").isNull()) {
				String from = CodePointOrder.compare(key, afterKey) > 0 ? key : afterKey;
				rows.addAll(scan("lineage/models-search-scan", filters, rank, from, limit - rows.size()));
				break;
			}
			rows.add(row(record.get("model").asNode(), rank, key));
		}
		return rows;
	}

	private static Row row(org.neo4j.driver.types.Node node, int rank, String searchKey) {
		return new Row(ModelView.from(node), rank + ":" + searchKey);
	}

	static Map<String, Object> filterParameters(ModelFilter filter) {
		ModelFilter f = filter == null ? new ModelFilter(null, null, null, null, null, null, null, null) : filter;
		Map<String, Object> params = new HashMap<>();
		params.put("search", f.nameContains() == null || f.nameContains().isBlank() ? null
				: f.nameContains().strip().toLowerCase(Locale.ROOT));
		params.put("developerId", f.developerId());
		params.put("license", f.license() == null ? null : f.license().strip().toLowerCase(Locale.ROOT));
		params.put("relation", f.relation() == null ? null : f.relation().name());
		params.put("safetyEffect", f.safetyEffect() == null ? null : f.safetyEffect().name());
		params.put("tag", f.tag() == null || f.tag().isBlank() ? null : f.tag().strip().toLowerCase(Locale.ROOT));
		params.put("hasParents", f.hasParents());
		params.put("includePlaceholders", Boolean.TRUE.equals(f.includePlaceholders()));
		return params;
	}

	/** A listed model and its key in the list's order. */
	private record Row(ModelView model, String key) {
	}

	/**
	 * A band's rows, or that its candidates were too many to order in one statement; and
	 * how many of the probed most downloaded models hold the term as a prefix (an exact
	 * match too) and only as a substring.
	 */
	private record Band(boolean overflow, List<Row> rows, int seenPrefix, int seenSubstring) {

		int seen(int rank) {
			return rank == 1 ? this.seenPrefix : rank == SUBSTRING ? this.seenSubstring : 0;
		}

	}

	/**
	 * Where a page of a search starts: after (rank, searchKey), or at the start (rank 0,
	 * "").
	 */
	private record Position(int rank, String key) {

		static Position of(String cursorKey) {
			if (cursorKey == null) {
				return new Position(0, "");
			}
			int colon = cursorKey.indexOf(':');
			if (colon == 1 && cursorKey.charAt(0) >= '0' && cursorKey.charAt(0) <= '0' + SUBSTRING) {
				return new Position(cursorKey.charAt(0) - '0', cursorKey.substring(2));
			}
			throw new InvalidInputException("after", "The cursor is not one of this search's");
		}

	}

	/**
	 * Text-index lookups on {@code searchText} (the lower-cased id, name and aliases,
	 * each between spaces) that find at least every model of a band, and usually few
	 * more: all CONTAINS, which the index answers from trigrams (STARTS WITH and ENDS
	 * WITH check every entry holding the trigrams anywhere).
	 */
	private record Needles(List<String> contains) {

		/** Every match. */
		static Needles all(String search) {
			return new Needles(List.of(search));
		}

		/** Prefixes of the id, of the id's name part, or of the name (exact ones too). */
		static Needles prefix(String search) {
			return new Needles(List.of(" " + search, "/" + search));
		}

		/** The id, the id's name part or the name, exactly. */
		static Needles exact(String search) {
			return new Needles(List.of(" " + search + " ", "/" + search + " ", "/" + search + "/"));
		}

	}

}
