package dev.pedigree.regulation;

import java.util.List;

/**
 * The verdict of one rule set for one party: role, reasons, duties, and every figure it
 * used.
 */
public record RegulatoryRole(String jurisdiction, String role, List<String> reasons, List<Obligation> obligations,
		String ruleSet, String ruleSetVersion, String asOf, List<Figure> figures) {
}
