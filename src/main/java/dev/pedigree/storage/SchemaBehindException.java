package dev.pedigree.storage;

import java.util.List;

/**
 * The database lacks schema migrations this version needs, and this process may not apply
 * them ({@code pedigree.schema.apply-migrations=false}).
 */
public class SchemaBehindException extends IllegalStateException {

	private final List<String> missing;

	SchemaBehindException(List<String> missing) {
		super("The database has not applied the schema migration" + (missing.size() == 1 ? " " : "s ")
				+ String.join(", ", missing) + " that this version of Pedigree needs, and this process does not apply "
				+ "migrations (pedigree.schema.apply-migrations=false; a command on the store of a running server "
				+ "never does: the schema is that server's)");
		this.missing = List.copyOf(missing);
	}

	/** The file names of the migrations not applied. */
	public List<String> missing() {
		return this.missing;
	}

}
