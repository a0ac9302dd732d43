package dev.pedigree.lineage;

/** What a derivation did to the capabilities of its parent. */
public enum CapabilityEffect {

	INCREASED, UNCHANGED, DECREASED, UNKNOWN

}
