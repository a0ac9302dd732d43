package dev.pedigree.regulation;

import java.util.List;

/**
 * The verdict of one rule set for one party: role and how firmly it is held, reasons,
 * duties, and every figure it used.
 */
public record RegulatoryRole(String jurisdiction, String role, Basis basis, List<String> reasons,
		List<Obligation> obligations, String ruleSet, String ruleSetVersion, String asOf, List<Figure> figures) {

	public boolean undetermined() {
		return this.basis == Basis.UNDETERMINED;
	}

}
