package dev.pedigree.cli;

import java.nio.file.Files;
import java.nio.file.Path;

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
