package dev.pedigree.storage;

/**
 * The embedded database could not start for a reason the user can fix; the message says
 * how.
 */
public class EmbeddedNeo4jStartupException extends RuntimeException {

	private final String action;

	EmbeddedNeo4jStartupException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
