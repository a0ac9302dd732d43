package dev.pedigree.lineage;

/**
 * A model reached from a start model, at its smallest depth, through the derivation that
 * first reached it.
 */
public record LineageEntry(ModelView model, int depth, Derivation via) {
}
