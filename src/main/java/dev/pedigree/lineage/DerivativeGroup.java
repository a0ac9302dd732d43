package dev.pedigree.lineage;

import dev.pedigree.graphql.RelayConnection;

/**
 * The direct derivatives of one relation: how many there are and the first page of them.
 */
public record DerivativeGroup(Relation relation, int count, RelayConnection<Derivation> children) {
}
