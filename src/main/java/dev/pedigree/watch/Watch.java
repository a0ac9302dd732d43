package dev.pedigree.watch;

import java.util.List;

import org.neo4j.driver.types.Node;

/** A curator's standing question about a model's or an organisation's downstream. */
public record Watch(String id, String subjectKind, String subjectId, List<WatchCondition> conditions,
		Double computeThresholdFlop, Double downloadsThreshold, String webhookUrl, String label, String createdAt) {

	static Watch from(Node node) {
		return new Watch(node.get("id").asString(), node.get("subjectKind").asString(),
				node.get("subjectId").asString(),
				node.get("conditions").asList(v -> WatchCondition.valueOf(v.asString())),
				node.get("computeThresholdFlop").isNull() ? null : node.get("computeThresholdFlop").asDouble(),
				node.get("downloadsThreshold").isNull() ? null : node.get("downloadsThreshold").asDouble(),
				node.get("webhookUrl").isNull() ? null : node.get("webhookUrl").asString(),
				node.get("label").isNull() ? null : node.get("label").asString(),
				node.get("createdAt").asZonedDateTime().toOffsetDateTime().toString());
	}

}
