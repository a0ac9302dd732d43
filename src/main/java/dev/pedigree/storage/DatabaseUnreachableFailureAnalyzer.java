package dev.pedigree.storage;

import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A database that cannot be reached or refuses the login, at a start or during a command
 * (an external server down, a server a command ran through stopped meanwhile): one
 * sentence and one action instead of the driver's stack trace.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationException) {
				return new FailureAnalysis("The Neo4j database refused the login: " + cause.getMessage(),
						"For an external server, check spring.neo4j.authentication.*; on an embedded store, the login "
								+ "kept in <data-dir>/bolt-credentials.properties is the running server's until it "
								+ "restarts.",
						failure);
			}
			if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
				return new FailureAnalysis("The Neo4j database could not be reached: " + cause.getMessage(),
						"Check that the database (spring.neo4j.uri, or the running server a command went through) "
								+ "is up, then start again or run the command again (an import is idempotent).",
						failure);
			}
		}
		return null;
	}

}
