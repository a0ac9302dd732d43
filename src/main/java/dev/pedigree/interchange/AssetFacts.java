package dev.pedigree.interchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node besides lineage that an import brings ({@link AssetWriter} writes it): a dataset
 * or application a source describes, or a restored backup's node of another label. Each
 * component from {@code name} to {@code sourceUrl} is stored as the property of the same
 * name when it is not null.
 *
 * @param label the node's label
 * @param organization the developer as the source names it
 * @param createdDate the date the source gives (ISO)
 * @param access Pedigree's access level ({@code OPEN_WEIGHTS}, {@code API},
 * {@code CLOSED})
 * @param accessDetail the source's own words for the access (and likewise
 * {@code licenseName}, {@code modality}, {@code size}, {@code sourceUrl})
 * @param explanations a source's explanation of a fact, by fact ({@code access} →
 * {@code accessExplanation})
 * @param source the source (the node's {@code sources})
 * @param restored every property of a restored backup, verbatim
 */
public record AssetFacts(Label label, String id, String name, String organization, String createdDate, String access,
		String accessDetail, String licenseName, String modality, String size, String sourceUrl,
		Map<String, String> explanations, String source, Map<String, Object> restored) {

	public AssetFacts {
		explanations = explanations == null ? Map.of() : Map.copyOf(explanations);
		restored = restored == null ? Map.of() : restored;
	}

	/** A node a source only names. */
	public static AssetFacts named(Label label, String id, String name) {
		return new AssetFacts(label, id, name, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** A restored backup's node, with every property it had. */
	public static AssetFacts restored(Label label, String id, Map<String, Object> properties) {
		return new AssetFacts(label, id, null, null, null, null, null, null, null, null, null, null, null, properties);
	}

	/** A row of {@code upsert-assets.cypher}. */
	Map<String, Object> asRow() {
		Map<String, Object> props = new HashMap<>();
		this.restored.forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		put(props, "name", this.name);
		put(props, "organization", this.organization);
		put(props, "createdDate", this.createdDate);
		put(props, "access", this.access);
		put(props, "accessDetail", this.accessDetail);
		put(props, "licenseName", this.licenseName);
		put(props, "modality", this.modality);
		put(props, "size", this.size);
		put(props, "sourceUrl", this.sourceUrl);
		this.explanations.forEach((fact, text) -> props.put(fact + "Explanation", text));
		if (this.source != null) {
			props.put("sources", List.of(this.source));
		}
		return Map.of("label", this.label.label(), "id", this.id, "props", props);
	}

	static void put(Map<String, Object> props, String key, Object value) {
		if (value != null) {
			props.put(key, value);
		}
	}

	/**
	 * The labels of nodes besides lineage that an import may write (a backup holds them
	 * all).
	 */
	public enum Label {

		DATASET("Dataset"), APPLICATION("Application"), LICENSE("License"), RISK_FINDING("RiskFinding"),
		INCIDENT("Incident"), REVENUE("Revenue");

		private final String label;

		Label(String label) {
			this.label = label;
		}

		/** The node label as stored. */
		public String label() {
			return this.label;
		}

		/** The label named {@code label} as stored, or null. */
		public static Label of(String label) {
			for (Label l : values()) {
				if (l.label.equals(label)) {
					return l;
				}
			}
			return null;
		}

	}

}
