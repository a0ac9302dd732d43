package dev.pedigree.cli;

import java.util.Arrays;

/** The jar is the server unless its first non-option argument names a sub-command. */
public final class CommandLine {

	/**
	 * The sub-commands, each run by one runner of this package ({@link InterchangeCli},
	 * {@link ReportCli}, {@link ScenarioCli}, {@link AuditCli}).
	 */
	public static final java.util.Set<String> COMMANDS = java.util.Set.of("import", "export", "report", "scenario",
			"audit", "token");

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().map(COMMANDS::contains).orElse(false);
	}

}
