package dev.pedigree.cli;

import java.io.PrintStream;
import java.nio.file.Path;

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
