package dev.pedigree.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed embedded start-up into one sentence and one action instead of a stack
 * trace.
 */
class EmbeddedNeo4jFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4jStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4jStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}
