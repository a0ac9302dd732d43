package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;

/**
 * A descendant of a foundation that removed or degraded safety or increased capability,
 * with its reach.
 */
public record ExposureEntry(ModelView model, int depth, List<String> path, Derivation via, String organizationId,
		Long downloads) {
}
