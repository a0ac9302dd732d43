package dev.pedigree.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sub-command's arguments, declared once beside the command's code: the same
 * declaration prints its help ({@code pedigree COMMAND --help}) and checks a command line
 * before anything starts (no Spring context, no database), so a usage error costs
 * milliseconds and names the offending option or value.
 *
 * @param name the command's word ({@code import})
 * @param summary one line for the overview
 * @param description a paragraph for the command's help
 * @param forms the command's shapes: one, or one per action word ({@code token create},
 * {@code token list}, …)
 * @param options every option any form takes
 * @param examples runnable command lines, without the leading {@code pedigree}
 */
public record CommandSpec(String name, String summary, String description, List<Form> forms, List<Option> options,
		List<String> examples) {

	/**
	 * One shape of the command line: an optional action word, operands, the options it
	 * requires and those it accepts besides.
	 */
	public record Form(String action, List<Operand> operands, List<String> required, List<String> optional) {

		public static Form of(String action, List<Operand> operands, List<String> required, List<String> optional) {
			return new Form(action, operands, required, optional);
		}

		List<String> accepted() {
			return Stream.concat(this.required.stream(), this.optional.stream()).toList();
		}

	}

	/**
	 * A positional argument; {@code input} ones must name a readable file or folder;
	 * {@code orOption} names an option that stands in for it ({@code FILE|--id ID}).
	 */
	public record Operand(String name, String help, boolean input, String orOption) {

		public static Operand value(String name, String help) {
			return new Operand(name, help, false, null);
		}

		public static Operand inputFile(String name, String help) {
			return new Operand(name, help, true, null);
		}

		public Operand or(String option) {
			return new Operand(this.name, this.help, this.input, option);
		}

	}

	/** What an option's value must be. */
	public enum Kind {

		/** Any text. */
		TEXT,
		/** One of {@link Option#choices()}, checked by the command's own parser. */
		CHOICE,
		/** A whole number ≥ 0. */
		COUNT,
		/** YYYY-MM-DD. */
		DATE,
		/** A file written: its folder must exist. */
		OUTPUT

	}

	/**
	 * {@code --name VALUE}: {@code parser} is the command's own parsing of a choice (e.g.
	 * {@code ImportFormat::fromCli}); {@code fallback} is the default shown in the help.
	 */
	public record Option(String name, String value, String help, Kind kind, List<String> choices,
			Consumer<String> parser, String fallback) {

		public static Option text(String name, String value, String help) {
			return new Option(name, value, help, Kind.TEXT, List.of(), null, null);
		}

		public static Option count(String name, String help) {
			return new Option(name, "N", help, Kind.COUNT, List.of(), null, null);
		}

		public static Option date(String name, String help) {
			return new Option(name, "YYYY-MM-DD", help, Kind.DATE, List.of(), null, null);
		}

		public static Option output(String name, String help) {
			return new Option(name, "FILE", help, Kind.OUTPUT, List.of(), null, null);
		}

		/**
		 * One of {@code choices}, as {@code parser} (which throws
		 * IllegalArgumentException for anything else) accepts it.
		 */
		public static Option choice(String name, String help, List<String> choices, Consumer<String> parser) {
			String value = choices.size() <= 4 ? String.join("|", choices) : name.toUpperCase(java.util.Locale.ROOT);
			return new Option(name, value, help, Kind.CHOICE, List.copyOf(choices), parser, null);
		}

		/** One of {@code choices}, compared ignoring case. */
		public static Option choice(String name, String help, List<String> choices) {
			return choice(name, help, choices, value -> {
				if (choices.stream().noneMatch(c -> c.equalsIgnoreCase(value.strip()))) {
					throw new IllegalArgumentException(value);
				}
			});
		}

		public Option withDefault(String value) {
			return new Option(this.name, this.value, this.help, this.kind, this.choices, this.parser, value);
		}

	}

	/** The help's line width. */
	static final int WIDTH = 110;

	/** {@code --server URL}: the commands that can run through a running service. */
	public static final Option SERVER = Option.text("server", "URL",
			"run through the service at URL instead of opening the store (also PEDIGREE_SERVER; "
					+ "an ADMIN or CURATOR token in PEDIGREE_TOKEN where the service needs one)");

	/** {@code --out FILE} for a command that otherwise prints. */
	public static final Option OUT_OR_PRINT = Option.output("out", "write to FILE instead of printing");

	/**
	 * Checks a command line against this declaration; throws {@link UsageException} with
	 * one line naming what is wrong.
	 */
	public void validate(Command command) {
		List<String> positional = command.positional();
		Form form = form(positional);
		List<String> operands = form.action() == null ? positional : positional.subList(1, positional.size());
		for (String operand : operands) {
			if (operand.startsWith("-") && operand.length() > 1) {
				throw unknownOption(operand, form);
			}
		}
		for (String key : command.options().keySet()) {
			if (!form.accepted().contains(key)) {
				throw unknownOption("--" + key, form);
			}
		}
		for (String required : form.required()) {
			String value = command.options().get(required);
			if (value == null || value.isBlank()) {
				throw new UsageException(this.name, label(form) + " needs --" + required + " "
						+ option(required).value() + choicesNote(option(required)));
			}
		}
		checkOperands(form, operands, command);
		command.options().forEach((key, value) -> checkValue(option(key), value));
	}

	private Form form(List<String> positional) {
		if (this.forms.size() == 1 && this.forms.get(0).action() == null) {
			return this.forms.get(0);
		}
		String actions = this.forms.stream().map(Form::action).distinct().collect(Collectors.joining(", "));
		if (positional.isEmpty()) {
			throw new UsageException(this.name, this.name + " needs an action: " + actions);
		}
		return this.forms.stream()
			.filter(f -> f.action().equals(positional.get(0)))
			.findFirst()
			.orElseThrow(() -> new UsageException(this.name,
					"unknown action '" + positional.get(0) + "' for " + this.name + "; use one of " + actions));
	}

	private void checkOperands(Form form, List<String> operands, Command command) {
		int given = 0;
		for (Operand operand : form.operands()) {
			boolean replaced = operand.orOption() != null && command.options().containsKey(operand.orOption());
			if (replaced) {
				continue;
			}
			if (given >= operands.size()) {
				throw new UsageException(this.name, label(form) + " needs " + operand.name()
						+ (operand.orOption() == null ? "" : " or --" + operand.orOption()));
			}
			String value = operands.get(given++);
			if (operand.input()) {
				Path path = Path.of(value);
				if (!Files.exists(path)) {
					throw new UsageException(this.name, "no such file or folder: " + value);
				}
				if (!Files.isReadable(path)) {
					throw new UsageException(this.name, "cannot read " + value);
				}
			}
		}
		if (given < operands.size()) {
			throw new UsageException(this.name, "unexpected argument '" + operands.get(given) + "' for " + label(form)
					+ "; usage: " + synopsis(form));
		}
	}

	private void checkValue(Option option, String value) {
		switch (option.kind()) {
			case CHOICE -> {
				try {
					option.parser().accept(value);
				}
				catch (IllegalArgumentException ex) {
					throw new UsageException(this.name, "--" + option.name() + " must be one of "
							+ String.join(", ", option.choices()) + "; was '" + value + "'");
				}
			}
			case COUNT -> {
				try {
					if (Integer.parseInt(value.strip()) < 0) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException ex) {
					throw new UsageException(this.name,
							"--" + option.name() + " must be a whole number ≥ 0; was '" + value + "'");
				}
			}
			case DATE -> {
				try {
					LocalDate.parse(value.strip());
				}
				catch (DateTimeParseException ex) {
					throw new UsageException(this.name,
							"--" + option.name() + " must be a date YYYY-MM-DD; was '" + value + "'");
				}
			}
			case OUTPUT -> {
				Path folder = Path.of(value).toAbsolutePath().getParent();
				if (folder != null && !Files.isDirectory(folder)) {
					throw new UsageException(this.name,
							"--" + option.name() + ": no such folder " + folder + " to write " + value + " into");
				}
			}
			case TEXT -> {
			}
		}
	}

	private UsageException unknownOption(String given, Form form) {
		String known = form.accepted().isEmpty() ? "none"
				: form.accepted().stream().map(o -> "--" + o).collect(Collectors.joining(", "));
		return new UsageException(this.name,
				"unknown option " + given + " for " + label(form) + "; its options: " + known);
	}

	private Option option(String name) {
		return this.options.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(this.name + " declares no option --" + name));
	}

	/** A long list of choices is named by a placeholder and spelt out here. */
	private static String choicesNote(Option option) {
		return option.kind() == Kind.CHOICE && !option.value().equals(String.join("|", option.choices()))
				? " (one of " + String.join(", ", option.choices()) + ")" : "";
	}

	private String label(Form form) {
		return form.action() == null ? this.name : this.name + " " + form.action();
	}

	/** {@code pedigree token revoke ID --reason TEXT [--server URL]}. */
	public String synopsis(Form form) {
		List<String> parts = new ArrayList<>(List.of("pedigree", this.name));
		if (form.action() != null) {
			parts.add(form.action());
		}
		for (Operand operand : form.operands()) {
			parts.add(operand.orOption() == null ? operand.name()
					: operand.name() + "|--" + operand.orOption() + " " + option(operand.orOption()).value());
		}
		for (String required : form.required()) {
			parts.add("--" + required + " " + option(required).value());
		}
		Set<String> standIns = form.operands()
			.stream()
			.map(Operand::orOption)
			.filter(o -> o != null)
			.collect(Collectors.toSet());
		for (String optional : form.optional()) {
			if (!standIns.contains(optional)) {
				parts.add("[--" + optional + " " + option(optional).value() + "]");
			}
		}
		return String.join(" ", parts);
	}

	/**
	 * The command's help: usage, description, options (required ones marked), examples.
	 */
	public String help() {
		StringBuilder text = new StringBuilder();
		String lead = "usage: ";
		for (Form form : this.forms) {
			text.append(lead).append(synopsis(form)).append('\n');
			lead = "       ";
		}
		text.append('\n').append(this.description).append('\n');
		Set<String> required = new LinkedHashSet<>();
		this.forms.forEach(f -> required.addAll(f.required()));
		List<String[]> rows = new ArrayList<>();
		for (Form form : this.forms) {
			for (Operand operand : form.operands()) {
				if (rows.stream().noneMatch(r -> r[0].equals(operand.name()))) {
					rows.add(new String[] { operand.name(), operand.help() });
				}
			}
		}
		for (Option option : this.options) {
			String when = requiredWhen(option.name());
			rows.add(new String[] { "--" + option.name() + " " + option.value(),
					(when.isEmpty() ? "" : when + "; ") + option.help() + choicesNote(option)
							+ (option.fallback() == null ? "" : " (default " + option.fallback() + ")") });
		}
		rows.add(new String[] { "--some.property=VALUE",
				"any setting of README \"Configuration\", e.g. --pedigree.embedded.data-dir=DIR" });
		int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
		text.append("\nArguments and options:\n");
		for (String[] row : rows) {
			text.append("  ")
				.append(row[0])
				.append(" ".repeat(width - row[0].length() + 2))
				.append(wrap(row[1], width + 4))
				.append('\n');
		}
		text.append("\nExamples:\n");
		this.examples.forEach(e -> text.append("  pedigree ").append(e).append('\n'));
		return text.toString();
	}

	/**
	 * Words of {@code text} on lines of at most {@link #WIDTH}, continued at
	 * {@code indent}.
	 */
	static String wrap(String text, int indent) {
		StringBuilder wrapped = new StringBuilder();
		int column = indent;
		for (String word : text.split(" ")) {
			if (column > indent && column + 1 + word.length() > WIDTH) {
				wrapped.append('\n').append(" ".repeat(indent));
				column = indent;
			}
			else if (column > indent) {
				wrapped.append(' ');
				column++;
			}
			wrapped.append(word);
			column += word.length();
		}
		return wrapped.toString();
	}

	private String requiredWhen(String option) {
		List<String> requiring = this.forms.stream()
			.filter(f -> f.required().contains(option))
			.map(f -> f.action() == null ? "" : f.action())
			.toList();
		if (requiring.isEmpty()) {
			return "";
		}
		if (requiring.size() == this.forms.size()) {
			return "required";
		}
		return "required for " + String.join(", ", requiring);
	}

	/**
	 * A usage error: reported on one line with a pointer to the command's help, exit 64.
	 */
	public static final class UsageException extends IllegalArgumentException {

		private final String command;

		public UsageException(String command, String message) {
			super(message);
			this.command = command;
		}

		/** The command whose help explains the usage, or null for the overview. */
		public String command() {
			return this.command;
		}

	}

}
