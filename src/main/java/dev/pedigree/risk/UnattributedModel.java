package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.regulation.RegulatoryRole;

/**
 * A model in a traced lineage whose developer is not recorded: no party can be named for
 * it, so its roles say UNDETERMINED under each rule set and what would decide them
 * ({@link dev.pedigree.regulation.RuleEvaluation#withoutDeveloper}) instead of leaving it
 * out of the trace.
 *
 * @param via the derivation through which it reaches the traced model (null at depth 0)
 */
public record UnattributedModel(ModelView model, Derivation via, int depth, List<RegulatoryRole> roles) {
}
