package dev.pedigree.interchange;

import java.util.HashMap;
import java.util.Map;

/**
 * A dependency between assets as a typed relationship ({@link AssetWriter} writes it;
 * between two models it is a derivation, which lineage writes instead).
 *
 * @param type the relationship the dependency maps to (DESIGN.md §1)
 * @param relation for a {@code DERIVED_FROM} between non-models, its relation
 * (derivations between datasets are {@code OTHER})
 * @param note the source's words for the dependency
 */
public record AssetLinkFacts(String from, String to, Type type, String source, Double confidence, String note,
		String relation) {

	/** A row of {@code upsert-asset-edges.cypher}. */
	Map<String, Object> asRow() {
		Map<String, Object> props = new HashMap<>();
		AssetFacts.put(props, "source", this.source);
		AssetFacts.put(props, "confidence", this.confidence);
		AssetFacts.put(props, "note", this.note);
		AssetFacts.put(props, "relation", this.relation);
		return Map.of("from", this.from, "to", this.to, "type", this.type.name(), "props", props);
	}

	/** The relationship types a dependency becomes. */
	public enum Type {

		TRAINED_ON, GENERATED_BY, USES, DERIVED_FROM

	}

}
