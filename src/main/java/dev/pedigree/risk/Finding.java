package dev.pedigree.risk;

import org.neo4j.driver.types.Node;

/**
 * A risk finding (evaluation, red-team result) or an incident (reported real-world harm).
 */
public record Finding(String id, String kind, String category, String severity, String summary, String date,
		String sourceUrl) {

	static Finding from(Node node, String kind) {
		return new Finding(node.get("id").asString(), kind, text(node, "category"), text(node, "severity"),
				text(node, "summary"), text(node, "date"), text(node, "sourceUrl"));
	}

	private static String text(Node node, String key) {
		return node.get(key).isNull() ? null : node.get(key).asString();
	}

}
