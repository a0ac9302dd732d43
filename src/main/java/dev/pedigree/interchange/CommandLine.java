package dev.pedigree.interchange;

import java.util.Arrays;

/** The jar is the server unless its first non-option argument names a sub-command. */
public final class CommandLine {

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return Arrays.stream(args)
			.filter(a -> !a.startsWith("--"))
			.findFirst()
			.map(a -> a.equals("import") || a.equals("export"))
			.orElse(false);
	}

}
