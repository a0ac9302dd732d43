package dev.pedigree.lineage;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Relationship;

/**
 * One {@code (child)-[:DERIVED_FROM]->(parent)} edge. {@code incomplete} marks a merge
 * whose source named only one parent.
 */
public record Derivation(String childId, String parentId, Relation relation, Double computeFlop, String date,
		SafetyEffect safetyEffect, CapabilityEffect capabilityEffect, String source, Double confidence,
		boolean incomplete, String safetySource, Double safetyConfidence, String note) {

	/**
	 * @param childId and @param parentId are passed because a relationship only knows
	 * internal node ids
	 */
	public static Derivation from(Relationship rel, String childId, String parentId) {
		Relation relation = Relation.fromSource(ModelView.string(rel.get("relation"), "OTHER"));
		return new Derivation(childId, parentId, relation == null ? Relation.OTHER : relation,
				ModelView.number(rel.get("computeFlop")), ModelView.string(rel.get("date"), null),
				enumOf(SafetyEffect.class, rel.get("safetyEffect"), SafetyEffect.UNKNOWN),
				enumOf(CapabilityEffect.class, rel.get("capabilityEffect"), CapabilityEffect.UNKNOWN),
				ModelView.string(rel.get("source"), null), ModelView.number(rel.get("confidence")),
				!rel.get("incomplete").isNull() && rel.get("incomplete").asBoolean(),
				ModelView.string(rel.get("safetySource"), null), ModelView.number(rel.get("safetyConfidence")),
				ModelView.string(rel.get("note"), null));
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, Value value, E fallback) {
		if (value.isNull()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.asString());
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

}
