package dev.pedigree.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import dev.pedigree.cli.CommandSpec.UsageException;

/**
 * The jar is the server unless its first non-option argument names a sub-command (or asks
 * for help). Help and usage errors are answered here, from each command's
 * {@link CommandSpec}, before any context or database starts.
 */
public final class CommandLine {

	/**
	 * The sub-commands, each declared beside the runner of this package that runs it
	 * ({@link InterchangeCli}, {@link ReportCli}, {@link ScenarioCli}, {@link AuditCli},
	 * {@link TokenCli}).
	 */
	public static final List<CommandSpec> SPECS = List.of(InterchangeCli.IMPORT, InterchangeCli.EXPORT, ReportCli.SPEC,
			ScenarioCli.SPEC, AuditCli.SPEC, TokenCli.SPEC);

	public static final Set<String> COMMANDS = SPECS.stream().map(CommandSpec::name).collect(Collectors.toSet());

	/** Exit code of a usage error (1 stays for failures while a command runs). */
	public static final int USAGE_ERROR = 64;

	private CommandLine() {
	}

	/**
	 * Whether the line is a command rather than the server: a first word that is not an
	 * option (a command, {@code help}, {@code -h}, or a mistyped command), or
	 * {@code --help}. The server's own arguments are options ({@code --a.b=c}).
	 */
	public static boolean isCommand(String[] args) {
		return Arrays.stream(args).anyMatch(a -> !a.startsWith("--") || a.equals("--help"));
	}

	/**
	 * Answers what needs no store: help (exit 0) and usage errors (one line on
	 * {@code err} and a pointer to the help, exit 64). Empty when the command is to run.
	 */
	public static OptionalInt answerBeforeStart(String[] args, PrintStream out, PrintStream err) {
		List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
		boolean help = Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
		String first = words.isEmpty() ? null : words.get(0);
		String command = COMMANDS.contains(first) ? first : null;
		try {
			if (first == null || first.equals("help") || first.equals("-h")) {
				boolean aboutOne = "help".equals(first) && words.size() > 1;
				out.print(aboutOne ? spec(words.get(1)).help() : overview());
				return OptionalInt.of(0);
			}
			CommandSpec spec = spec(first);
			if (help) {
				out.print(spec.help());
				return OptionalInt.of(0);
			}
			spec.validate(Command.parse(args));
			return OptionalInt.empty();
		}
		catch (UsageException ex) {
			String about = ex.command() != null ? ex.command() : command;
			err.println("pedigree: " + ex.getMessage());
			err.println("run 'pedigree " + (about == null ? "help" : about + " --help") + "' for usage");
			return OptionalInt.of(USAGE_ERROR);
		}
	}

	static CommandSpec spec(String name) {
		return SPECS.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new UsageException(null, "unknown command '" + name + "'; commands: "
					+ SPECS.stream().map(CommandSpec::name).collect(Collectors.joining(", "))));
	}

	/** What {@code pedigree help} prints: the server and one line per command. */
	public static String overview() {
		StringBuilder text = new StringBuilder("""
				usage: pedigree [--property=value ...]                 start the server
				       pedigree COMMAND [ARGUMENTS] [--property=value ...]
				       pedigree help [COMMAND]                           this overview, or a command's usage

				Without a command, pedigree is the server: the GraphQL API (/graphql), the lineage explorer, the
				HTTP exports and reports (port 8080), over the embedded Neo4j store in ./pedigree-data.

				Commands (on the store, through the running server's database when one holds it; or through
				--server URL where a command offers it):
				""");
		int width = SPECS.stream().mapToInt(s -> s.name().length()).max().orElse(0);
		for (CommandSpec spec : SPECS) {
			text.append("  ")
				.append(spec.name())
				.append(" ".repeat(width - spec.name().length() + 2))
				.append(CommandSpec.wrap(spec.summary(), width + 4))
				.append('\n');
		}
		text.append("""

				Run 'pedigree COMMAND --help' (or 'pedigree help COMMAND') for a command's options and examples.
				Every --property=value of the configuration may stand anywhere on the line (README.md, "Configuration";
				the commands in "Command line"). Exit codes: 0 done, 1 failed while running, 2 an import rejected
				malformed records (its report names them), 64 usage error (sysexits' EX_USAGE).
				""");
		return text.toString();
	}

}
