package dev.pedigree.common;

/**
 * A referenced node does not exist; {@code field} names the argument that referenced it.
 */
public class NotFoundException extends RuntimeException {

	private final String field;

	public NotFoundException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
