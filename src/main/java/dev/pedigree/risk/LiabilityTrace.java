package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.PointInTime;

import dev.pedigree.lineage.ModelView;

/**
 * Who upstream shares responsibility for a model, under which rule, what risks it
 * inherits, and where a modification escapes every duty. {@code asOf} is the date the
 * rules were evaluated at; {@code graph} the point in time the lineage was read at (now,
 * unless the caller gave a date); {@code leftOutByDate} says which derivations that date
 * left out of the trace, and what that changes; {@code unattributed} the models in it
 * whose developer is not recorded; {@code models}: every model the trace read (the traced
 * one and its ancestors, whole), which the derivations in the answer end at.
 */
public record LiabilityTrace(ModelView model, List<ResponsibleParty> parties, List<UnattributedModel> unattributed,
		List<InheritedFinding> findings, List<AccountabilityGap> accountabilityGaps, String asOf, PointInTime graph,
		List<String> leftOutByDate, List<ModelView> models) {
}
