package dev.pedigree.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database behind this version's schema, in a process that may not migrate it. */
class SchemaBehindFailureAnalyzer extends AbstractFailureAnalyzer<SchemaBehindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchemaBehindException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Restart the server on this version (or start one instance with pedigree.schema.apply-migrations=true): "
						+ "it applies them as it starts. Or stop the server and run the command on the store itself.",
				cause);
	}

}
