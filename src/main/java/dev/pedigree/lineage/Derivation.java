package dev.pedigree.lineage;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Relationship;

/**
 * One {@code (child)-[:DERIVED_FROM]->(parent)} edge. {@code incomplete} marks a merge
 * whose source named only one parent; {@code safetySignals} are the evidence a safety
 * effect of {@code heuristic} source rests on; {@code warnings} are findings about the
 * claim (a declared parent whose size cannot have produced the child), never changes to
 * it. {@code prefetchedParent} is the parent model as the statement that listed the
 * derivation read it (only the properties a selection of its projection reads), or null:
 * the {@code parent} field then loads it ({@link DerivationParent}).
 */
public record Derivation(String childId, String parentId, Relation relation, Double computeFlop, String date,
		SafetyEffect safetyEffect, CapabilityEffect capabilityEffect, String source, Double confidence,
		boolean incomplete, String safetySource, Double safetyConfidence, String note, List<SafetySignal> safetySignals,
		List<String> warnings, String resolvedFrom, String resolution, Double resolutionConfidence,
		ModelView prefetchedParent) {

	/**
	 * @param childId and @param parentId are passed because a relationship only knows
	 * internal node ids
	 */
	public static Derivation from(Relationship rel, String childId, String parentId) {
		return from(rel::get, childId, parentId);
	}

	/**
	 * The stored properties of a derivation a view reads: every component but the two
	 * ends and the prefetched parent, each from the property of its name.
	 */
	static final StoredProperties.Names STORED = StoredProperties.Names
		.of(java.util.Arrays.stream(Derivation.class.getRecordComponents())
			.map(java.lang.reflect.RecordComponent::getName)
			.filter(name -> !name.equals("childId") && !name.equals("parentId") && !name.equals("prefetchedParent"))
			.toList());

	/** A derivation a statement returned only some properties of ({@link #STORED}). */
	static Derivation from(StoredProperties rel, String childId, String parentId) {
		Relation relation = Relation.fromSource(ModelView.string(rel.get("relation"), "OTHER"));
		return new Derivation(childId, parentId, relation == null ? Relation.OTHER : relation,
				ModelView.number(rel.get("computeFlop")), ModelView.string(rel.get("date"), null),
				enumOf(SafetyEffect.class, rel.get("safetyEffect"), SafetyEffect.UNKNOWN),
				enumOf(CapabilityEffect.class, rel.get("capabilityEffect"), CapabilityEffect.UNKNOWN),
				ModelView.string(rel.get("source"), null), ModelView.number(rel.get("confidence")),
				!rel.get("incomplete").isNull() && rel.get("incomplete").asBoolean(),
				ModelView.string(rel.get("safetySource"), null), ModelView.number(rel.get("safetyConfidence")),
				ModelView.string(rel.get("note"), null),
				ModelView.strings(rel.get("safetySignals")).stream().map(SafetySignal::decode).toList(),
				ModelView.strings(rel.get("warnings")), ModelView.string(rel.get("resolvedFrom"), null),
				ModelView.string(rel.get("resolution"), null), ModelView.number(rel.get("resolutionConfidence")), null);
	}

	/** This derivation with its parent model as the statement that listed it read it. */
	Derivation withPrefetchedParent(ModelView parent) {
		return new Derivation(this.childId, this.parentId, this.relation, this.computeFlop, this.date,
				this.safetyEffect, this.capabilityEffect, this.source, this.confidence, this.incomplete,
				this.safetySource, this.safetyConfidence, this.note, this.safetySignals, this.warnings,
				this.resolvedFrom, this.resolution, this.resolutionConfidence, parent);
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
