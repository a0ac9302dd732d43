package dev.pedigree.interchange;

import java.util.Map;

/**
 * A restored backup's relationship between two nodes named by label and id, with its
 * properties verbatim ({@link AssetWriter} writes it; the parser checks type and labels
 * against Pedigree's vocabulary first).
 */
public record LinkFacts(String type, String fromLabel, String from, String toLabel, String to,
		Map<String, Object> properties) {

	public LinkFacts {
		properties = properties == null ? Map.of() : properties;
	}

	/** A row of {@code upsert-links.cypher}. */
	Map<String, Object> asRow() {
		return Map.of("type", this.type, "fromLabel", this.fromLabel, "from", this.from, "toLabel", this.toLabel, "to",
				this.to, "props", this.properties);
	}

}
