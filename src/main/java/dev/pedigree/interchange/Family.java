package dev.pedigree.interchange;

import java.util.List;
import java.util.Map;

/**
 * A closed subgraph to export: models with all their properties, and every derivation between them.
 *
 * @param root the model the family was taken around (null for the whole graph)
 */
record Family(String root, List<Member> models, List<Edge> derivations, List<Map<String, Object>> organizations) {

	/** @param datasets the training sets the model is linked to ({@code id}, {@code name}, {@code source}) */
	record Member(String id, Map<String, Object> properties, List<Map<String, Object>> datasets) {

		Member(String id, Map<String, Object> properties) {
			this(id, properties, List.of());
		}

		String name() {
			Object name = this.properties.get("name");
			return name == null ? this.id : name.toString();
		}

	}

	record Edge(String child, String parent, Map<String, Object> properties) {

		String relation() {
			Object relation = this.properties.get("relation");
			return relation == null ? "OTHER" : relation.toString();
		}

	}

}
