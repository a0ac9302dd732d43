package dev.pedigree.risk;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;

/**
 * A derivation in the traced chain that removed or degraded safety or increased
 * capability, where no party holds a duty for the modified weights under any loaded rule
 * set ({@code GAP}), or where that depends on an undetermined role ({@code POSSIBLE});
 * {@code downloads} is the modified model's reach.
 */
public record AccountabilityGap(Derivation derivation, ModelView model, String status, Long downloads, String reason) {
}
