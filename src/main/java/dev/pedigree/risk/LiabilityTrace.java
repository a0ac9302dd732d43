package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.ModelView;

/**
 * Who upstream shares responsibility for a model, under which rule, and what risks it
 * inherits.
 */
public record LiabilityTrace(ModelView model, List<ResponsibleParty> parties, List<InheritedFinding> findings,
		String asOf) {
}
