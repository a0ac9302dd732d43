package dev.pedigree.interchange;

import java.util.Map;

/**
 * A training set a source names for a model ({@link AssetWriter} writes the dataset and
 * the {@code TRAINED_ON} link).
 *
 * @param dataset the dataset's id as the source names it (a Hub dataset id)
 * @param source where the claim comes from ({@code hf:card}, {@code cyclonedx})
 */
public record TrainingSetFacts(String model, String dataset, String source) {

	/** A row of {@code upsert-trained-on.cypher}. */
	Map<String, Object> asRow() {
		return Map.of("model", this.model, "dataset", this.dataset, "source", this.source);
	}

}
