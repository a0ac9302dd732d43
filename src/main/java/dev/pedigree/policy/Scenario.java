package dev.pedigree.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.CapabilityEffect;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.SafetyEffect;

/**
 * A hypothetical rule as data: which actors it covers, in tiers, each with conditions
 * from a closed vocabulary of predicates over the graph (never Cypher). Parsed from YAML
 * ({@code seed-data/scenarios/*.yaml} or an ad-hoc definition) and validated: an unknown
 * key or value is an error naming its path.
 */
public record Scenario(String id, String name, String description, List<String> sources, List<Tier> tiers) {

	/** Who a tier puts duties on. */
	public enum Covers {

		/** The developer of a modified model, for the derivation that made it. */
		DOWNSTREAM,
		/** The developer of a foundation model, for what grew from it. */
		UPSTREAM

	}

	/** One group of covered actors. */
	public record Tier(String id, String name, Covers covers, Conditions when) {
	}

	/**
	 * Every condition of a tier must hold; an absent one does not restrict. Downstream
	 * conditions describe a derivation (the step, the modified model and its developer,
	 * the upstream model); upstream ones a foundation and what descends from it.
	 */
	public record Conditions(Set<String> relation, Set<String> safetyEffect, Set<String> capabilityEffect,
			Double modificationComputeAbove, Double modificationComputeShareAbove, Long downloadsAtLeast,
			Set<String> upstreamAccess, Boolean upstreamLicenseRestricted, Double upstreamTrainingComputeAbove,
			Set<String> organizationKind, Set<String> organizationCountry, Double trainingComputeAbove,
			Boolean generative, Long safetyRemovingDescendantsAtLeast, Long safetyRemovingDownloadsAtLeast) {

		boolean needsModificationCompute() {
			return this.modificationComputeAbove != null || this.modificationComputeShareAbove != null;
		}

	}

	static final Set<String> DOWNSTREAM_KEYS = Set.of("relation", "safetyEffect", "capabilityEffect",
			"modificationComputeAbove", "modificationComputeShareAbove", "downloadsAtLeast", "upstreamAccess",
			"upstreamLicenseRestricted", "upstreamTrainingComputeAbove", "organizationKind", "organizationCountry");

	static final Set<String> UPSTREAM_KEYS = Set.of("trainingComputeAbove", "generative",
			"safetyRemovingDescendantsAtLeast", "safetyRemovingDownloadsAtLeast", "downloadsAtLeast",
			"organizationKind", "organizationCountry");

	private static final Set<String> ACCESS = Set.of("OPEN_WEIGHTS", "API", "CLOSED", "GATED");

	/** Validates a parsed YAML/JSON document; {@code origin} prefixes error paths. */
	@SuppressWarnings("unchecked")
	static Scenario from(Map<String, Object> doc, String origin) {
		if (doc == null) {
			throw invalid(origin, "the scenario is empty");
		}
		unknownKeys(doc, Set.of("id", "name", "description", "sources", "tiers"), origin);
		String id = text(doc, "id", origin, true);
		if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw invalid(origin + ".id", "id must be lower-case letters, digits and '-', was '" + id + "'");
		}
		Object rawTiers = doc.get("tiers");
		if (!(rawTiers instanceof List<?> list) || list.isEmpty()) {
			throw invalid(origin + ".tiers", "tiers must be a non-empty list");
		}
		List<Tier> tiers = new ArrayList<>();
		Set<String> tierIds = new LinkedHashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String path = origin + ".tiers[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> t)) {
				throw invalid(path, "a tier must be a mapping");
			}
			Map<String, Object> tier = (Map<String, Object>) t;
			unknownKeys(tier, Set.of("id", "name", "covers", "when"), path);
			String tierId = text(tier, "id", path, true);
			if (!tierIds.add(tierId)) {
				throw invalid(path + ".id", "duplicate tier id '" + tierId + "'");
			}
			Covers covers;
			try {
				covers = Covers.valueOf(text(tier, "covers", path, true).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw invalid(path + ".covers",
						"covers must be DOWNSTREAM or UPSTREAM, was '" + tier.get("covers") + "'");
			}
			if (!(tier.get("when") instanceof Map<?, ?> w) || w.isEmpty()) {
				throw invalid(path + ".when", "when must be a non-empty mapping of conditions");
			}
			tiers.add(new Tier(tierId, text(tier, "name", path, false), covers,
					conditions((Map<String, Object>) w, covers, path + ".when")));
		}
		List<String> sources = doc.get("sources") instanceof List<?> s ? s.stream().map(String::valueOf).toList()
				: List.of();
		return new Scenario(id, text(doc, "name", origin, true), text(doc, "description", origin, false), sources,
				List.copyOf(tiers));
	}

	private static Conditions conditions(Map<String, Object> when, Covers covers, String path) {
		unknownKeys(when, covers == Covers.DOWNSTREAM ? DOWNSTREAM_KEYS : UPSTREAM_KEYS, path);
		return new Conditions(names(when, "relation", path, enumNames(Relation.values())),
				names(when, "safetyEffect", path, enumNames(SafetyEffect.values())),
				names(when, "capabilityEffect", path, enumNames(CapabilityEffect.values())),
				number(when, "modificationComputeAbove", path), share(when, "modificationComputeShareAbove", path),
				count(when, "downloadsAtLeast", path), names(when, "upstreamAccess", path, ACCESS),
				bool(when, "upstreamLicenseRestricted", path), number(when, "upstreamTrainingComputeAbove", path),
				names(when, "organizationKind", path, null), names(when, "organizationCountry", path, null),
				number(when, "trainingComputeAbove", path), bool(when, "generative", path),
				count(when, "safetyRemovingDescendantsAtLeast", path),
				count(when, "safetyRemovingDownloadsAtLeast", path));
	}

	private static Set<String> enumNames(Enum<?>[] values) {
		Set<String> names = new LinkedHashSet<>();
		for (Enum<?> v : values) {
			names.add(v.name());
		}
		return names;
	}

	private static void unknownKeys(Map<String, Object> map, Set<String> allowed, String path) {
		for (String key : map.keySet()) {
			if (!allowed.contains(key)) {
				throw invalid(path + "." + key,
						"unknown key '" + key + "'; allowed here: " + allowed.stream().sorted().toList());
			}
		}
	}

	private static String text(Map<String, Object> map, String key, String path, boolean required) {
		Object value = map.get(key);
		if (value == null || value.toString().isBlank()) {
			if (required) {
				throw invalid(path + "." + key, key + " is required");
			}
			return null;
		}
		return value.toString();
	}

	private static Set<String> names(Map<String, Object> map, String key, String path, Set<String> allowed) {
		Object value = map.get(key);
		if (value == null) {
			return null;
		}
		List<?> list = value instanceof List<?> l ? l : List.of(value);
		Set<String> names = new LinkedHashSet<>();
		for (Object v : list) {
			String name = String.valueOf(v);
			if (allowed != null && !allowed.contains(name)) {
				throw invalid(path + "." + key, "'" + name + "' is not one of " + allowed);
			}
			names.add(name);
		}
		return names;
	}

	private static Double number(Map<String, Object> map, String key, String path) {
		Object value = map.get(key);
		if (value == null) {
			return null;
		}
		try {
			double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
			if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
				throw new NumberFormatException();
			}
			return d;
		}
		catch (NumberFormatException ex) {
			throw invalid(path + "." + key, key + " must be a non-negative number, was '" + value + "'");
		}
	}

	private static Double share(Map<String, Object> map, String key, String path) {
		Double d = number(map, key, path);
		if (d != null && d > 1) {
			throw invalid(path + "." + key, key + " is a share between 0 and 1, was " + d);
		}
		return d;
	}

	private static Long count(Map<String, Object> map, String key, String path) {
		Double d = number(map, key, path);
		if (d != null && d != Math.rint(d)) {
			throw invalid(path + "." + key, key + " must be a whole number, was " + d);
		}
		return d == null ? null : d.longValue();
	}

	private static Boolean bool(Map<String, Object> map, String key, String path) {
		Object value = map.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		throw invalid(path + "." + key, key + " must be true or false, was '" + value + "'");
	}

	private static InvalidInputException invalid(String path, String message) {
		return new InvalidInputException(path, path + ": " + message);
	}

}
