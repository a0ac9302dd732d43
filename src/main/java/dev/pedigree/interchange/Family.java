package dev.pedigree.interchange;

import java.util.List;
import java.util.Map;

/**
 * A closed subgraph to export: models with all their properties, and every derivation
 * between them.
 *
 * @param root the model the family was taken around (null for the whole graph)
 */
public record Family(String root, List<Member> models, List<Edge> derivations, List<Map<String, Object>> organizations,
		List<Node> others, List<Link> links) {

	/** A family around one model: models and derivations only. */
	Family(String root, List<Member> models, List<Edge> derivations) {
		this(root, models, derivations, List.of(), List.of(), List.of());
	}

	/**
	 * Any other node of the graph (dataset, application, licence, risk finding,
	 * incident), for the backup.
	 */
	public record Node(String label, String id, Map<String, Object> properties) {
	}

	/**
	 * Any relationship that is not a derivation between models nor a model's primary
	 * developer, for the backup.
	 */
	public record Link(String type, String fromLabel, String from, String toLabel, String to,
			Map<String, Object> properties) {
	}

	/**
	 * @param datasets the training sets the model is linked to ({@code id}, {@code name},
	 * {@code source})
	 */
	public record Member(String id, Map<String, Object> properties, List<Map<String, Object>> datasets) {

		Member(String id, Map<String, Object> properties) {
			this(id, properties, List.of());
		}

		public String name() {
			Object name = this.properties.get("name");
			return name == null ? this.id : name.toString();
		}

	}

	public record Edge(String child, String parent, Map<String, Object> properties) {

		public String relation() {
			Object relation = this.properties.get("relation");
			return relation == null ? "OTHER" : relation.toString();
		}

	}

}
