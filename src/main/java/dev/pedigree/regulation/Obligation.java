package dev.pedigree.regulation;

/**
 * A duty of a role, with the date it applies from and whether it is in force at the
 * evaluation date.
 */
public record Obligation(String id, String article, String summary, String appliesFrom, boolean inForce, String scope) {
}
