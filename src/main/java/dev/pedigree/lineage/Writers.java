package dev.pedigree.lineage;

/**
 * Who is writing, for the change log: the security layer knows the request's curator; a
 * write without one (the seed, a CLI command) is the local process's user.
 */
public interface Writers {

	/** The current writer's name. */
	String current();

	/** The local process's user, as {@code local:<name>}. */
	static String localUser() {
		return "local:" + System.getProperty("user.name", "unknown");
	}

}
