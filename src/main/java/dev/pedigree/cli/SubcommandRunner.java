package dev.pedigree.cli;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A module's sub-command run on the store: runs only when the command line names it, and
 * turns a refusal (bad usage, bad input, unknown id) into a message on stderr and exit
 * code 1.
 */
public abstract class SubcommandRunner implements ApplicationRunner, ExitCodeGenerator {

	private final String name;

	private int exitCode;

	protected SubcommandRunner(String name) {
		this.name = name;
	}

	@Override
	public final void run(ApplicationArguments args) throws Exception {
		if (!CommandLine.isCommand(args.getSourceArgs())) {
			return;
		}
		var command = Command.parse(args.getSourceArgs());
		if (!this.name.equals(command.name())) {
			return;
		}
		try {
			execute(command);
		}
		catch (RuntimeException ex) {
			if (!refusal(ex)) {
				throw ex;
			}
			System.err.println("pedigree: " + ex.getMessage());
			this.exitCode = 1;
		}
	}

	/** Does the work; throws a refusal for anything the user can correct. */
	protected abstract void execute(Command command) throws Exception;

	/**
	 * Whether an exception is the user's to correct (reported, exit 1) rather than a
	 * failure.
	 */
	private static boolean refusal(RuntimeException ex) {
		return ex instanceof IllegalArgumentException || ex instanceof InvalidInputException
				|| ex instanceof NotFoundException;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
