package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.ModelView;

/**
 * A finding recorded on the traced model (depth 0) or inherited from an ancestor, with
 * the path down to it.
 */
public record InheritedFinding(Finding finding, ModelView recordedOn, int depth, List<String> path, boolean inherited) {
}
