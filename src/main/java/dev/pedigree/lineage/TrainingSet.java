package dev.pedigree.lineage;

import java.util.List;

import org.neo4j.driver.types.Node;

/**
 * A dataset a model was trained on, with the source that says so (a Hub card, Ecosystem
 * Graphs, a BOM).
 */
public record TrainingSet(Dataset dataset, String source) {

	public record Dataset(String id, String name, String license, List<String> sources) {

		static Dataset from(Node node) {
			String id = node.get("id").asString();
			return new Dataset(id, ModelView.string(node.get("name"), id), ModelView.string(node.get("license"), null),
					ModelView.strings(node.get("sources")));
		}

	}

}
