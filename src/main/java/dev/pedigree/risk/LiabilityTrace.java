package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.ModelView;

/**
 * Who upstream shares responsibility for a model, under which rule, what risks it
 * inherits, and where a modification escapes every duty.
 */
public record LiabilityTrace(ModelView model, List<ResponsibleParty> parties, List<InheritedFinding> findings,
		List<AccountabilityGap> accountabilityGaps, String asOf) {
}
