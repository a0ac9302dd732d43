package dev.pedigree.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.pedigree.cli.CommandSpec.Form;
import dev.pedigree.cli.CommandSpec.Operand;
import dev.pedigree.cli.CommandSpec.Option;

import dev.pedigree.policy.Scenario;
import dev.pedigree.policy.ScenarioEvaluation;
import dev.pedigree.policy.ScenarioReports;
import dev.pedigree.policy.Scenarios;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code scenario run FILE|--id ID [--format md|csv] [--out FILE]} on the store (through
 * a running service with {@code --server URL}: see {@link RemoteCommand}).
 */
@Component
@Order(100)
class ScenarioCli extends SubcommandRunner {

	static final CommandSpec SPEC = new CommandSpec("scenario",
			"evaluate a policy scenario (a YAML file, or a shipped one by id) over the graph", """
					Evaluates a policy scenario (README "Policy questions") over the graph and prints its tiers and
					the models they cover, or writes them to --out. On the store, or through a running service with
					--server URL.""",
			List.of(Form.of("run", List.of(Operand.inputFile("FILE", "a scenario YAML file").or("id")), List.of(),
					List.of("id", "format", "out", "server"))),
			List.of(Option.text("id", "ID", "a shipped scenario instead of a FILE, e.g. eu-ai-act-baseline"),
					Option.choice("format", "the result's format", List.of("md", "csv")).withDefault("md"),
					CommandSpec.OUT_OR_PRINT, CommandSpec.SERVER),
			List.of("scenario run --id eu-ai-act-baseline --format csv",
					"scenario run my-rule.yaml --out my-rule.md --server http://localhost:8080"));

	private final Scenarios scenarios;

	private final ScenarioEvaluation evaluation;

	private final ScenarioReports reports;

	ScenarioCli(Scenarios scenarios, ScenarioEvaluation evaluation, ScenarioReports reports) {
		super("scenario");
		this.scenarios = scenarios;
		this.evaluation = evaluation;
		this.reports = reports;
	}

	@Override
	protected void execute(Command command) throws Exception {
		if (command.positional().isEmpty() || !command.positional().get(0).equals("run")) {
			throw new IllegalArgumentException("usage: scenario run FILE|--id ID [--format md|csv] [--out FILE]");
		}
		Scenario scenario = command.options().containsKey("id") ? this.scenarios.get(command.options().get("id"))
				: Scenarios.parse(Files.readString(Path.of(file(command))), file(command));
		var result = this.evaluation.evaluate(scenario);
		String format = command.options().getOrDefault("format", "md");
		String text = switch (format) {
			case "md" -> this.reports.markdown(result);
			case "csv" -> this.reports.csv(result);
			default -> throw new IllegalArgumentException("--format must be md or csv, was '" + format + "'");
		};
		command.emit(text);
	}

	private static String file(Command command) {
		if (command.positional().size() != 2) {
			throw new IllegalArgumentException("scenario run needs a FILE or --id ID");
		}
		return command.positional().get(1);
	}

}
