package dev.pedigree.lineage;

/** What a derivation did to the safeguards of its parent. */
public enum SafetyEffect {

	PRESERVED, DEGRADED, REMOVED, UNKNOWN

}
