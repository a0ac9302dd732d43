package dev.pedigree.security;

/**
 * What a token may do. Each role includes the ones before it: a curator reads, an admin
 * curates.
 */
public enum Role {

	/** Reads (only needed when {@code pedigree.security.open-reads=false}). */
	READER,
	/** Writes: every mutation of the lineage, risk, interchange and watch modules. */
	CURATOR,
	/** Manages tokens. */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
