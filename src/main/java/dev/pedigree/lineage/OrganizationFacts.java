package dev.pedigree.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a source says about one organisation; {@link LineageWrites} writes it (an
 * {@code Organization} upsert that only adds aliases and sources).
 *
 * @param revenuePeriod the fiscal year of {@code annualRevenueUsd}, with its end
 * @param restored every property of a restored backup, verbatim
 */
public record OrganizationFacts(String id, String name, String kind, String country, Double annualRevenueUsd,
		String revenuePeriod, String revenueSource, List<String> aliases, String source, Map<String, Object> restored) {

	public OrganizationFacts {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		restored = restored == null ? Map.of() : restored;
	}

	/** An organisation a source names, with what it says about it. */
	public static OrganizationFacts named(String id, String name, String kind, String country, List<String> aliases,
			String source) {
		return new OrganizationFacts(id, name, kind, country, null, null, null, aliases, source, null);
	}

	/** A restored backup's organisation. */
	public static OrganizationFacts restored(String id, Map<String, Object> properties) {
		return new OrganizationFacts(id, null, null, null, null, null, null, List.of(), null, properties);
	}

	Map<String, Object> asRow() {
		Map<String, Object> props = new HashMap<>();
		this.restored.forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		put(props, "name", this.name);
		put(props, "kind", this.kind);
		put(props, "country", this.country);
		put(props, "annualRevenueUsd", this.annualRevenueUsd);
		put(props, "revenuePeriod", this.revenuePeriod);
		put(props, "revenueSource", this.revenueSource);
		Map<String, Object> row = new HashMap<>();
		row.put("id", this.id);
		row.put("props", props);
		row.put("aliases", this.aliases);
		row.put("source", this.source);
		return row;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
