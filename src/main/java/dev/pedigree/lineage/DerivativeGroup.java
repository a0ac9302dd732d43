package dev.pedigree.lineage;

import dev.pedigree.common.Page;

/**
 * The direct derivatives of one relation: how many there are and the first page of them.
 */
public record DerivativeGroup(Relation relation, int count, Page<Derivation> children) {
}
