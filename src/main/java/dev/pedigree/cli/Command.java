package dev.pedigree.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line without Spring's {@code --a.b=c} properties. */
public record Command(String name, Map<String, String> options, List<String> positional) {

	public static Command parse(String[] args) {
		String name = null;
		Map<String, String> options = new HashMap<>();
		List<String> positional = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--")) {
				String body = arg.substring(2);
				int eq = body.indexOf('=');
				String key = eq < 0 ? body : body.substring(0, eq);
				if (key.contains(".")) {
					continue; // a Spring property, already bound by Spring
				}
				if (eq >= 0) {
					options.put(key, body.substring(eq + 1));
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					options.put(key, args[++i]);
				}
				else {
					throw new CommandSpec.UsageException(CommandLine.COMMANDS.contains(name) ? name : null,
							"--" + key + " needs a value");
				}
			}
			else if (name == null) {
				name = arg;
			}
			else {
				positional.add(arg);
			}
		}
		return new Command(name, options, positional);
	}

	public String required(String option) {
		String value = this.options.get(option);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(this.name + " needs --" + option);
		}
		return value;
	}

	/** Writes a command's text result to {@code --out FILE}, or prints it. */
	public void emit(String text) throws java.io.IOException {
		String out = this.options.get("out");
		if (out != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(out), text);
		}
		else {
			System.out.print(text);
		}
	}

}
