package dev.pedigree.lineage;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * A model as clients see it: the properties of one {@code :Model} node. Lineage is read
 * separately, through Cypher, never as a mapped relationship collection (that would load
 * whole families).
 */
public record ModelView(String id, String name, List<String> aliases, String developerId, Double trainingComputeFlop,
		Double parameters, String releaseDate, String access, String license, String pipelineTag, Long downloads,
		Long likes, String modality, Boolean generative, boolean placeholder, List<String> sources, String sourceUrl,
		String accessDetail) {

	public static ModelView from(Node node) {
		return new ModelView(node.get("id").asString(), string(node.get("name"), node.get("id").asString()),
				strings(node.get("aliases")), string(node.get("developerId"), null),
				number(node.get("trainingComputeFlop")), number(node.get("parameters")),
				string(node.get("releaseDate"), null), string(node.get("access"), null),
				string(node.get("license"), null), string(node.get("pipelineTag"), null),
				integer(node.get("downloads")), integer(node.get("likes")), string(node.get("modality"), null),
				node.get("generative").isNull() ? null : node.get("generative").asBoolean(),
				!node.get("placeholder").isNull() && node.get("placeholder").asBoolean(), strings(node.get("sources")),
				string(node.get("sourceUrl"), null), string(node.get("accessDetail"), null));
	}

	static String string(Value value, String fallback) {
		return value.isNull() ? fallback : value.asString();
	}

	static Double number(Value value) {
		return value.isNull() ? null : value.asDouble();
	}

	static Long integer(Value value) {
		return value.isNull() ? null : value.asLong();
	}

	static List<String> strings(Value value) {
		return value.isNull() ? List.of() : value.asList(Value::asString);
	}

}
