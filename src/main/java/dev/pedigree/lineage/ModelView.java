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
		String accessDetail, List<String> tags, SourcedFigure parameterCount, SourcedFigure trainingCompute) {

	public static ModelView from(Node node) {
		return new ModelView(node.get("id").asString(), string(node.get("name"), node.get("id").asString()),
				strings(node.get("aliases")), string(node.get("developerId"), null),
				number(node.get("trainingComputeFlop")), number(node.get("parameters")),
				string(node.get("releaseDate"), null), string(node.get("access"), null),
				string(node.get("license"), null), string(node.get("pipelineTag"), null),
				integer(node.get("downloads")), integer(node.get("likes")), string(node.get("modality"), null),
				node.get("generative").isNull() ? null : node.get("generative").asBoolean(),
				!node.get("placeholder").isNull() && node.get("placeholder").asBoolean(), strings(node.get("sources")),
				string(node.get("sourceUrl"), null), string(node.get("accessDetail"), null), strings(node.get("tags")),
				parameterCount(node), trainingCompute(node));
	}

	/**
	 * The parameter count with its provenance; a figure stored before provenance was kept
	 * says {@code unknown}.
	 */
	private static SourcedFigure parameterCount(Node node) {
		Double value = number(node.get("parameters"));
		if (value == null) {
			return null;
		}
		return new SourcedFigure(value, string(node.get("parametersSource"), "unknown"),
				!node.get("parametersEstimated").isNull() && node.get("parametersEstimated").asBoolean());
	}

	/**
	 * Training compute with its provenance: Epoch AI's figures are its own estimates
	 * unless it rates them confident.
	 */
	private static SourcedFigure trainingCompute(Node node) {
		Double value = number(node.get("trainingComputeFlop"));
		if (value == null) {
			return null;
		}
		String confidence = string(node.get("computeConfidence"), null);
		String source = string(node.get("trainingComputeSource"), confidence != null ? SourcedFigure.EPOCH : "unknown");
		boolean estimated = !node.get("trainingComputeEstimated").isNull()
				? node.get("trainingComputeEstimated").asBoolean()
				: confidence != null && !"confident".equalsIgnoreCase(confidence);
		return new SourcedFigure(value, source, estimated);
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
