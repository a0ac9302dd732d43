package dev.pedigree.policy;

import dev.pedigree.lineage.PointInTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Applies a scenario to the graph: which organisations and models each tier covers, their
 * share of all downloads, how coverage grew month by month, which foundations account for
 * it, and which safety-removing descendants no tier covers. The graph is read with three
 * fixed, parameterised statements; the conditions are evaluated here.
 */
@Service
public class ScenarioEvaluation {

	static final String UNDATED = "undated";

	private final Graph graph;

	private final CypherQueries cypher;

	ScenarioEvaluation(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/** The figures of one tier. */
	public record TierResult(String id, String name, String covers, int organizations, int models, long downloads,
			double downloadShare, int undecided, List<MonthCount> growth, List<FoundationCount> topFoundations,
			List<String> topOrganizations) {
	}

	/** Models first covered in a month (YYYY-MM, or "undated"), and the running total. */
	public record MonthCount(String month, int models, int cumulative) {
	}

	/** A foundation and how many covered models descend from (or are) it. */
	public record FoundationCount(String foundation, int models) {
	}

	/** A safety-removing or -degrading descendant no tier covers. */
	public record Uncovered(String model, String parent, long downloads) {
	}

	/** The whole answer. */
	/**
	 * @param asOf the date the answer describes (null: now)
	 * @param undatedModels models without a release date: counted in when
	 * {@code includeUndated}, else left out
	 */
	public record ScenarioResult(Scenario scenario, long totalModels, long totalDownloads, List<TierResult> tiers,
			int uncoveredSafetyRemoving, long uncoveredSafetyRemovingDownloads, List<Uncovered> topUncovered,
			java.time.LocalDate asOf, boolean includeUndated, long undatedModels) {
	}

	private record Step(String child, long downloads, String date, String organization, String organizationKind,
			String organizationCountry, String relation, String safetyEffect, String capabilityEffect,
			Double computeFlop, Double childComputeFlop, String parent, Double parentComputeFlop, String parentAccess,
			boolean parentLicenseRestricted) {

		/**
		 * Declared compute; else the difference of cumulative figures; none for steps
		 * that train nothing.
		 */
		Double modificationCompute() {
			if (this.computeFlop != null) {
				return this.computeFlop;
			}
			if ("QUANTIZED".equals(this.relation) || "MERGE".equals(this.relation)) {
				return 0.0;
			}
			if (this.childComputeFlop != null && this.parentComputeFlop != null
					&& this.childComputeFlop >= this.parentComputeFlop) {
				return this.childComputeFlop - this.parentComputeFlop;
			}
			return null;
		}

		boolean removesSafety() {
			return "REMOVED".equals(this.safetyEffect) || "DEGRADED".equals(this.safetyEffect);
		}

	}

	private record Foundation(String id, long downloads, String date, Double computeFlop, Boolean generative,
			String organization, String organizationKind, String organizationCountry, long safetyRemovingDescendants,
			long safetyRemovingDownloads) {
	}

	public ScenarioResult evaluate(Scenario scenario) {
		return evaluate(scenario, PointInTime.NOW);
	}

	/** What the scenario would have covered on the graph as of a date. */
	public ScenarioResult evaluate(Scenario scenario, PointInTime at) {
		var parameters = at.parameters();
		var totals = this.graph.read(this.cypher.get("policy/totals"), parameters).get(0);
		long totalModels = totals.get("models").asLong();
		long totalDownloads = totals.get("downloads").asLong();
		boolean downstream = scenario.tiers().stream().anyMatch(t -> t.covers() == Scenario.Covers.DOWNSTREAM);
		boolean upstream = scenario.tiers().stream().anyMatch(t -> t.covers() == Scenario.Covers.UPSTREAM);
		// Safety-removing steps are needed for the uncovered list whatever the tiers.
		List<Step> steps = this.graph.read(this.cypher.get("policy/derivations"), parameters, ScenarioEvaluation::step);
		List<Foundation> foundations = upstream
				? this.graph.read(this.cypher.get("policy/foundations"), parameters, ScenarioEvaluation::foundation)
				: List.of();
		Set<String> removers = new HashSet<>();
		steps.stream().filter(Step::removesSafety).forEach(s -> removers.add(s.child()));
		Set<String> needRoots = new HashSet<>(removers);
		Set<String> coveredModels = new HashSet<>();
		Set<String> coveredFoundations = new HashSet<>();
		List<TierResult> results = new ArrayList<>();
		Map<String, List<String>> roots = new HashMap<>();
		List<Object[]> pending = new ArrayList<>();
		for (var tier : scenario.tiers()) {
			if (tier.covers() == Scenario.Covers.DOWNSTREAM) {
				Map<String, Step> covered = new LinkedHashMap<>();
				int undecided = 0;
				for (Step s : steps) {
					Boolean match = matches(tier.when(), s);
					if (match == null) {
						undecided++;
					}
					else if (match) {
						covered.putIfAbsent(s.child(), s);
					}
				}
				needRoots.addAll(covered.keySet());
				coveredModels.addAll(covered.keySet());
				pending.add(new Object[] { tier, covered, undecided });
			}
			else {
				List<Foundation> covered = foundations.stream().filter(f -> matches(tier.when(), f)).toList();
				covered.forEach(f -> coveredFoundations.add(f.id()));
				pending.add(new Object[] { tier, covered, 0 });
			}
		}
		if (!needRoots.isEmpty()) {
			Map<String, Object> rootParameters = new HashMap<>(parameters);
			rootParameters.put("ids", List.copyOf(needRoots));
			this.graph.read(this.cypher.get("policy/roots-of"), rootParameters, r -> r)
				.forEach(r -> roots.computeIfAbsent(r.get("model").asString(), k -> new ArrayList<>())
					.add(r.get("foundation").asString()));
		}
		for (Object[] p : pending) {
			var tier = (Scenario.Tier) p[0];
			if (tier.covers() == Scenario.Covers.DOWNSTREAM) {
				@SuppressWarnings("unchecked")
				var covered = (Map<String, Step>) p[1];
				results.add(downstreamResult(tier, covered, (int) p[2], roots, totalDownloads));
			}
			else {
				@SuppressWarnings("unchecked")
				var covered = (List<Foundation>) p[1];
				results.add(upstreamResult(tier, covered, totalDownloads));
			}
		}
		List<Uncovered> uncovered = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Step s : steps) {
			if (!s.removesSafety() || !seen.add(s.child()) || coveredModels.contains(s.child())) {
				continue;
			}
			if (roots.getOrDefault(s.child(), List.of()).stream().anyMatch(coveredFoundations::contains)) {
				continue;
			}
			uncovered.add(new Uncovered(s.child(), s.parent(), s.downloads()));
		}
		uncovered.sort(Comparator.comparingLong(Uncovered::downloads).reversed().thenComparing(Uncovered::model));
		long uncoveredDownloads = uncovered.stream().mapToLong(Uncovered::downloads).sum();
		return new ScenarioResult(scenario, totalModels, totalDownloads, results, uncovered.size(), uncoveredDownloads,
				uncovered.subList(0, Math.min(10, uncovered.size())), at.asOf(), at.includeUndated(),
				totals.get("undated").asLong());
	}

	private static TierResult downstreamResult(Scenario.Tier tier, Map<String, Step> covered, int undecided,
			Map<String, List<String>> roots, long totalDownloads) {
		long downloads = covered.values().stream().mapToLong(Step::downloads).sum();
		Set<String> organizations = new HashSet<>();
		Map<String, Integer> perOrganization = new HashMap<>();
		covered.values().forEach(s -> {
			if (s.organization() != null) {
				organizations.add(s.organization());
				perOrganization.merge(s.organization(), 1, Integer::sum);
			}
		});
		Map<String, Integer> perFoundation = new HashMap<>();
		covered.keySet()
			.forEach(id -> roots.getOrDefault(id, List.of()).forEach(f -> perFoundation.merge(f, 1, Integer::sum)));
		return new TierResult(tier.id(), tier.name(), tier.covers().name(), organizations.size(), covered.size(),
				downloads, share(downloads, totalDownloads), undecided,
				growth(covered.values().stream().map(Step::date).toList()), top(perFoundation),
				top(perOrganization).stream().map(FoundationCount::foundation).toList());
	}

	private static TierResult upstreamResult(Scenario.Tier tier, List<Foundation> covered, long totalDownloads) {
		long downloads = covered.stream().mapToLong(Foundation::downloads).sum();
		Map<String, Integer> perOrganization = new HashMap<>();
		covered.stream()
			.filter(f -> f.organization() != null)
			.forEach(f -> perOrganization.merge(f.organization(), 1, Integer::sum));
		List<FoundationCount> top = covered.stream()
			.filter(f -> f.safetyRemovingDescendants() > 0)
			.sorted(Comparator.comparingLong(Foundation::safetyRemovingDescendants)
				.reversed()
				.thenComparing(Foundation::id))
			.limit(10)
			.map(f -> new FoundationCount(f.id(), (int) f.safetyRemovingDescendants()))
			.toList();
		return new TierResult(tier.id(), tier.name(), tier.covers().name(), perOrganization.size(), covered.size(),
				downloads, share(downloads, totalDownloads), 0, growth(covered.stream().map(Foundation::date).toList()),
				top, top(perOrganization).stream().map(FoundationCount::foundation).toList());
	}

	/**
	 * A condition on an unknown value (a modification's compute, an upstream compute) is
	 * undecided (null) unless another condition already fails.
	 */
	static Boolean matches(Scenario.Conditions c, Step s) {
		if (!in(c.relation(), s.relation()) || !in(c.safetyEffect(), s.safetyEffect())
				|| !in(c.capabilityEffect(), s.capabilityEffect()) || !in(c.upstreamAccess(), s.parentAccess())
				|| !in(c.organizationKind(), s.organizationKind())
				|| !in(c.organizationCountry(), firstCountry(s.organizationCountry()))) {
			return false;
		}
		if (c.downloadsAtLeast() != null && s.downloads() < c.downloadsAtLeast()) {
			return false;
		}
		if (c.upstreamLicenseRestricted() != null && c.upstreamLicenseRestricted() != s.parentLicenseRestricted()) {
			return false;
		}
		boolean undecided = false;
		if (c.upstreamTrainingComputeAbove() != null) {
			if (s.parentComputeFlop() == null) {
				undecided = true;
			}
			else if (s.parentComputeFlop() <= c.upstreamTrainingComputeAbove()) {
				return false;
			}
		}
		if (c.needsModificationCompute()) {
			Double compute = s.modificationCompute();
			if (compute == null) {
				undecided = true;
			}
			else {
				if (c.modificationComputeAbove() != null && compute <= c.modificationComputeAbove()) {
					return false;
				}
				if (c.modificationComputeShareAbove() != null) {
					if (s.parentComputeFlop() == null) {
						undecided = true;
					}
					else if (compute <= c.modificationComputeShareAbove() * s.parentComputeFlop()) {
						return false;
					}
				}
			}
		}
		return undecided ? null : true;
	}

	private static boolean matches(Scenario.Conditions c, Foundation f) {
		return in(c.organizationKind(), f.organizationKind())
				&& in(c.organizationCountry(), firstCountry(f.organizationCountry()))
				&& (c.downloadsAtLeast() == null || f.downloads() >= c.downloadsAtLeast())
				&& (c.trainingComputeAbove() == null
						|| (f.computeFlop() != null && f.computeFlop() > c.trainingComputeAbove()))
				&& (c.generative() == null || c.generative().equals(f.generative()))
				&& (c.safetyRemovingDescendantsAtLeast() == null
						|| f.safetyRemovingDescendants() >= c.safetyRemovingDescendantsAtLeast())
				&& (c.safetyRemovingDownloadsAtLeast() == null
						|| f.safetyRemovingDownloads() >= c.safetyRemovingDownloadsAtLeast());
	}

	private static boolean in(Set<String> allowed, String value) {
		return allowed == null || (value != null && allowed.contains(value));
	}

	private static String firstCountry(String country) {
		return country == null ? null : country.split(",")[0].strip();
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	/** Models per month of their date (YYYY-MM), undated last, with running totals. */
	static List<MonthCount> growth(List<String> dates) {
		Map<String, Integer> months = new TreeMap<>();
		int undated = 0;
		for (String d : dates) {
			if (d == null || d.length() < 7) {
				undated++;
			}
			else {
				months.merge(d.substring(0, 7), 1, Integer::sum);
			}
		}
		List<MonthCount> growth = new ArrayList<>();
		int running = 0;
		for (var e : months.entrySet()) {
			running += e.getValue();
			growth.add(new MonthCount(e.getKey(), e.getValue(), running));
		}
		if (undated > 0) {
			growth.add(new MonthCount(UNDATED, undated, running + undated));
		}
		return growth;
	}

	private static List<FoundationCount> top(Map<String, Integer> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(10)
			.map(e -> new FoundationCount(e.getKey(), e.getValue()))
			.toList();
	}

	private static Step step(Record r) {
		return new Step(r.get("child").asString(), r.get("downloads").asLong(), text(r.get("date")),
				text(r.get("organization")), text(r.get("organizationKind")), text(r.get("organizationCountry")),
				text(r.get("relation")), r.get("safetyEffect").asString(), r.get("capabilityEffect").asString(),
				number(r.get("computeFlop")), number(r.get("childComputeFlop")), r.get("parent").asString(),
				number(r.get("parentComputeFlop")), text(r.get("parentAccess")),
				r.get("parentLicenseRestricted").asBoolean());
	}

	private static Foundation foundation(Record r) {
		return new Foundation(r.get("foundation").asString(), r.get("downloads").asLong(), text(r.get("date")),
				number(r.get("computeFlop")), r.get("generative").isNull() ? null : r.get("generative").asBoolean(),
				text(r.get("organization")), text(r.get("organizationKind")), text(r.get("organizationCountry")),
				r.get("safetyRemovingDescendants").asLong(), r.get("safetyRemovingDownloads").asLong());
	}

	private static String text(Value v) {
		return v.isNull() ? null : v.asString();
	}

	private static Double number(Value v) {
		return v.isNull() ? null : v.asDouble();
	}

}
