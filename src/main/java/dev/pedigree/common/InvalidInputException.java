package dev.pedigree.common;

/**
 * A request that cannot be served as asked; {@code field} names the offending argument or
 * input field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
