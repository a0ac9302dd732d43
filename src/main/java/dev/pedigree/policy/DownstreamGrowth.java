package dev.pedigree.policy;

import dev.pedigree.lineage.PointInTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.pedigree.common.NotFoundException;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * How fast the downstream ecosystem grows: derived models and distinct downstream
 * developers per month, split by relation, safety effect or organisation kind, for the
 * whole graph or one foundation's family, with the undated share counted apart (never
 * dropped).
 */
@Service
public class DownstreamGrowth {

	/** What a month's derivatives are split by. */
	public enum Category {

		RELATION, SAFETY_EFFECT, ORGANIZATION_KIND

	}

	/**
	 * @param undatedDerivatives derived models without a date: counted apart when
	 * included, left out of every figure when not
	 * @param asOf the date the answer describes (null: now)
	 */
	public record Growth(String foundation, Category by, List<Month> months, int totalDerivatives,
			int undatedDerivatives, double undatedShare, List<CategoryCount> undatedByCategory,
			java.time.LocalDate asOf, boolean includeUndated) {
	}

	/**
	 * One month: derivatives, the developers active and those new that month, and the
	 * split.
	 */
	public record Month(String month, int derivatives, int developers, int newDevelopers,
			List<CategoryCount> byCategory) {
	}

	public record CategoryCount(String category, int derivatives) {
	}

	private final Graph graph;

	private final CypherQueries cypher;

	DownstreamGrowth(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	public Growth of(String foundationId, Category by) {
		return of(foundationId, by, PointInTime.NOW);
	}

	/** Growth up to a date: derivatives released after it are not counted. */
	public Growth of(String foundationId, Category by, PointInTime at) {
		if (foundationId != null
				&& this.graph.read("MATCH (m:Model {id: $id}) RETURN m.id AS id", Map.of("id", foundationId))
					.isEmpty()) {
			throw new NotFoundException("foundationId", "No model with id '" + foundationId + "'");
		}
		Map<String, Object> params = new HashMap<>(at.parameters());
		params.put("foundationId", foundationId);
		Map<String, List<org.neo4j.driver.Record>> perMonth = new TreeMap<>();
		List<org.neo4j.driver.Record> undated = new ArrayList<>();
		var rows = this.graph.read(this.cypher.get("policy/growth"), params);
		for (var r : rows) {
			String date = r.get("date").isNull() ? null : r.get("date").asString();
			if (date == null || date.length() < 7) {
				undated.add(r);
			}
			else {
				perMonth.computeIfAbsent(date.substring(0, 7), k -> new ArrayList<>()).add(r);
			}
		}
		Set<String> seen = new HashSet<>();
		List<Month> months = new ArrayList<>();
		for (var e : perMonth.entrySet()) {
			Set<String> developers = new HashSet<>();
			int fresh = 0;
			for (var r : e.getValue()) {
				if (!r.get("organization").isNull()) {
					String org = r.get("organization").asString();
					developers.add(org);
					if (seen.add(org)) {
						fresh++;
					}
				}
			}
			months.add(new Month(e.getKey(), e.getValue().size(), developers.size(), fresh, split(e.getValue(), by)));
		}
		// The query keeps undated derivatives either way, so that the answer can say how
		// many it left out.
		int total = at.includeUndated() ? rows.size() : rows.size() - undated.size();
		return new Growth(foundationId, by, months, total, undated.size(),
				rows.isEmpty() ? 0 : (double) undated.size() / rows.size(),
				at.includeUndated() ? split(undated, by) : List.of(), at.asOf(), at.includeUndated());
	}

	/** Each derivative once per distinct category of the derivations that made it. */
	private static List<CategoryCount> split(List<org.neo4j.driver.Record> rows, Category by) {
		Map<String, Integer> counts = new TreeMap<>();
		for (var r : rows) {
			List<String> categories = switch (by) {
				case RELATION -> r.get("relations").asList(v -> v.isNull() ? "OTHER" : v.asString());
				case SAFETY_EFFECT -> r.get("safetyEffects").asList(v -> v.asString());
				case ORGANIZATION_KIND -> List.of(r.get("organizationKind").asString());
			};
			new HashSet<>(categories).forEach(c -> counts.merge(c, 1, Integer::sum));
		}
		return counts.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue())).toList();
	}

}
