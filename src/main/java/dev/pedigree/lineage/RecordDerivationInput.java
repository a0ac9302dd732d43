package dev.pedigree.lineage;

import java.time.LocalDate;
import java.util.List;

/**
 * Curated derivation of {@code childId} from one parent, or from two or more (a merge).
 */
public record RecordDerivationInput(String childId, List<String> parentIds, Relation relation, Double computeFlop,
		SafetyEffect safetyEffect, CapabilityEffect capabilityEffect, String source, LocalDate date, String note,
		List<String> mitigates) {
}
