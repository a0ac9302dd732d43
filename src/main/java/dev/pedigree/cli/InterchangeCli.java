package dev.pedigree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.pedigree.cli.CommandSpec.Form;
import dev.pedigree.cli.CommandSpec.Operand;
import dev.pedigree.cli.CommandSpec.Option;
import dev.pedigree.common.InvalidInputException;
import dev.pedigree.interchange.Direction;
import dev.pedigree.interchange.ExportFormat;
import dev.pedigree.interchange.ExportRequest;
import dev.pedigree.interchange.Exporters;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ImportPipeline;
import dev.pedigree.interchange.ImportReport;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code import --format F PATH} and
 * {@code export --format F [--model ID] [--direction up|down|both] [--depth N]
 * --out FILE}. Spring properties ({@code --key.with.dots=value}) may stand anywhere on
 * the line. Exit code 0 = every record written or deliberately skipped, 2 = some records
 * rejected as malformed, 1 = failure.
 */
@Component
@Order(100)
class InterchangeCli implements ApplicationRunner, ExitCodeGenerator {

	static final CommandSpec IMPORT = new CommandSpec("import",
			"read a file (Hub metadata, edge or node lists, Epoch AI, Ecosystem Graphs, CycloneDX, a backup) "
					+ "into the store",
			"""
					Reads PATH into the store, idempotently (a second run reports everything unchanged), and prints a
					report: created, updated, unchanged, rejected (file:line: reason), placeholders, cycles skipped.
					Exits 0 when every record was written or deliberately skipped, 2 when records were rejected as
					malformed, 1 on failure. On a store that a running server holds, it runs through that server's
					database.""",
			List.of(Form.of(null,
					List.of(Operand.inputFile("PATH",
							"the file to read (.gz read as is; a folder of assets/*.yaml for ecosystem-graphs)")),
					List.of("format"), List.of())),
			List.of(Option.choice("format", "the input's format",
					Arrays.stream(ImportFormat.values()).map(ImportFormat::cliName).toList(), ImportFormat::fromCli)),
			List.of("import --format hf-edges testdata/huggingface/edges.csv",
					"import --format huggingface testdata/huggingface/models.jsonl.gz",
					"import --format jsonl backup.jsonl --pedigree.embedded.data-dir=/srv/pedigree-data"));

	static final CommandSpec EXPORT = new CommandSpec("export",
			"write the graph, or one model's lineage, as CycloneDX, GraphML, CSV, Mermaid or a JSON Lines backup", """
					Writes one model's family (--model, up, down or both ways, to --depth) or, without --model, the
					whole graph to FILE. The JSON Lines export is a backup that 'pedigree import --format jsonl'
					restores.""",
			List.of(Form.of(null, List.of(), List.of("format", "out"), List.of("model", "direction", "depth"))),
			List.of(Option.choice("format", "the output's format",
					Arrays.stream(ExportFormat.values()).map(ExportFormat::cliName).toList(), ExportFormat::fromCli),
					Option.output("out", "the file to write"),
					Option.text("model", "ID", "export only this model's lineage (default: the whole graph)"),
					Option
						.choice("direction", "which side of the model's family",
								Arrays.stream(Direction.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
								Direction::fromCli)
						.withDefault("both"),
					Option.count("depth",
							"how many derivation steps from the model (default pedigree.limits.default-depth, "
									+ "at most pedigree.limits.max-depth)")),
			List.of("export --format csv --model meta-llama/Llama-2-7b --direction down --out llama.csv",
					"export --format graphml --model google/gemma-7b --direction down --depth 2 --out gemma.graphml",
					"export --format jsonl --out backup.jsonl"));

	private final ImportPipeline importers;

	private final Exporters exporters;

	private final PrintStream out = System.out;

	private int exitCode;

	InterchangeCli(ImportPipeline importers, Exporters exporters) {
		this.importers = importers;
		this.exporters = exporters;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!CommandLine.isCommand(args.getSourceArgs())) {
			return;
		}
		try {
			var command = Command.parse(args.getSourceArgs());
			this.exitCode = switch (command.name()) {
				case "import" -> runImport(command);
				case "export" -> runExport(command);
				default -> this.exitCode; // another module's command
			};
		}
		catch (IllegalArgumentException | InvalidInputException ex) {
			System.err.println("pedigree: " + ex.getMessage());
			this.exitCode = 1;
		}
	}

	private int runImport(Command command) {
		ImportFormat format = ImportFormat.fromCli(command.required("format"));
		if (command.positional().size() != 1) {
			throw new IllegalArgumentException("import needs exactly one PATH, got " + command.positional());
		}
		Path path = Path.of(command.positional().get(0));
		ImportReport report = this.importers.importPath(format, path,
				records -> TerminalProgress.forTerminal("importing " + path.getFileName(), records));
		this.out.print(report.summary());
		return report.exitCode();
	}

	private int runExport(Command command) {
		ExportFormat format = ExportFormat.fromCli(command.required("format"));
		Path out = Path.of(command.required("out"));
		var request = new ExportRequest(format, command.options().get("model"),
				Direction.fromCli(command.options().getOrDefault("direction", "both")),
				command.options().containsKey("depth") ? Integer.parseInt(command.options().get("depth")) : null);
		var summary = this.exporters.exportTo(request, out);
		this.out.println(summary);
		return 0;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
