package dev.pedigree;

import java.util.Map;

import dev.pedigree.cli.Command;
import dev.pedigree.cli.CommandLine;
import dev.pedigree.cli.RemoteCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The server, or, when the first argument is a word ({@code import}, {@code help}, …) or
 * {@code --help}, the command-line tool.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PedigreeApplication {

	/**
	 * System property: check the command line, answer help and usage errors, and stop
	 * (exit 0) where the command would start. The launcher asks it before recording a new
	 * build's start-up cache, so a mistyped command is not answered two minutes late.
	 */
	public static final String CHECK_ONLY = "pedigree.cli.check-only";

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(PedigreeApplication.class, args);
	}

	/**
	 * Runs a CLI command against the configured database and returns its exit code (1 on
	 * failure). Help and usage errors (exit 64) are answered before anything starts.
	 */
	public static int runCommand(String... args) {
		var answered = CommandLine.answerBeforeStart(args, System.out, System.err);
		if (answered.isPresent()) {
			return answered.getAsInt();
		}
		if (Boolean.getBoolean(CHECK_ONLY)) {
			return 0;
		}
		String server = RemoteCommand.server(Command.parse(args));
		if (server != null) {
			return RemoteCommand.run(Command.parse(args), server);
		}
		var application = new SpringApplication(PedigreeApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// A command's import batches take seconds by design: the slow-query log (meant
		// for serving) would warn once per batch, so commands keep only its errors.
		// Netty warns that the embedded database's in-process channel ignores an option
		// (SO_REUSEADDR) when the start runs beside the context's refresh: harmless, and
		// not a command's output. Lucene (inside the database) warns once per process
		// that the JDK's vector module is not enabled: advice for the server's operator,
		// not a command's output. The driver's notice of each retry of a transaction
		// (with its stack trace) is too: a command that fails in the end says why in one
		// sentence (DatabaseUnreachableFailureAnalyzer). A command's embedded database
		// listens on any free Bolt port (only the command connects to it; a server beside
		// it, on another store, holds the server's 7687); as a default property, whatever
		// the user sets wins. pedigree.embedded.command: on a store that a running server
		// holds, a command runs through the server's database.
		application.setDefaultProperties(Map.of("pedigree.embedded.bolt-port", "0", "pedigree.embedded.command", "true",
				"logging.level.root", "WARN", "logging.level.dev.pedigree", "WARN",
				"logging.level.dev.pedigree.slow-queries", "ERROR", "logging.level.io.netty.bootstrap.ServerBootstrap",
				"ERROR", "logging.level.org.apache.lucene.internal.vectorization", "ERROR",
				"logging.level.org.neo4j.driver.internal.retry", "ERROR", "pedigree.seed.enabled", "false"));
		try {
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			// Spring Boot has already printed the failure analysis (e.g. a locked store)
			// on stderr.
			return 1;
		}
	}

}
