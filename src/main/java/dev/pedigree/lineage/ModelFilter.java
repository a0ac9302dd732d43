package dev.pedigree.lineage;

/** Filter of {@code models}; every field is optional. */
public record ModelFilter(String nameContains, String developerId, Relation relation, Boolean hasParents,
		String license, Boolean includePlaceholders, SafetyEffect safetyEffect, String tag) {
}
