package dev.pedigree.interchange;

import java.util.HashMap;
import java.util.Map;

/**
 * A licence of the curated catalogue ({@code seed-data/licenses.csv}; {@link AssetWriter}
 * writes it as a {@code License}).
 *
 * @param rank order from most to least permissive (licence drift compares ranks)
 * @param openSourceExemption whether the EU AI Act's open-source exemption can apply:
 * {@code qualifies}, {@code doubtful} or {@code no}
 */
public record LicenseFacts(String id, String name, String category, long rank, boolean permissive,
		boolean commercialUse, boolean useRestrictions, String sourceUrl, String openSourceExemption,
		String exemptionNote) {

	/** A row of {@code upsert-licenses.cypher}. */
	Map<String, Object> asRow() {
		Map<String, Object> props = new HashMap<>();
		props.put("rank", this.rank);
		props.put("permissive", this.permissive);
		props.put("commercialUse", this.commercialUse);
		props.put("useRestrictions", this.useRestrictions);
		AssetFacts.put(props, "name", this.name);
		AssetFacts.put(props, "category", this.category);
		AssetFacts.put(props, "sourceUrl", this.sourceUrl);
		AssetFacts.put(props, "openSourceExemption", this.openSourceExemption);
		AssetFacts.put(props, "exemptionNote", this.exemptionNote);
		return Map.of("id", this.id, "props", props);
	}

}
