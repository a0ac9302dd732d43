package dev.pedigree.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import dev.pedigree.cli.Command;
import dev.pedigree.cli.CommandLine;
import dev.pedigree.cli.RemoteCommand;
import dev.pedigree.graphql.InvalidInputException;
import dev.pedigree.graphql.NotFoundException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code report liability ID --format md|html|pdf|json --out FILE [--as-of DATE]} on the
 * store (through a running service with {@code --server URL}: see {@link RemoteCommand}).
 */
@Component
@Order(100)
class ReportCli implements ApplicationRunner, ExitCodeGenerator {

	private final LiabilityReports reports;

	private int exitCode;

	ReportCli(LiabilityReports reports) {
		this.reports = reports;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!CommandLine.isCommand(args.getSourceArgs())) {
			return;
		}
		var command = Command.parse(args.getSourceArgs());
		if (!"report".equals(command.name())) {
			return;
		}
		try {
			var arguments = RemoteCommand.ReportArguments.of(command);
			var format = LiabilityReports.Format.parse(arguments.format());
			var report = this.reports.build(arguments.modelId(), ReportController.date(arguments.asOf()));
			Files.write(arguments.out(), this.reports.render(report, format));
			System.out.println("report written to " + arguments.out() + " (SHA-256 of the canonical JSON "
					+ report.sha256() + ")");
		}
		catch (IllegalArgumentException | InvalidInputException | NotFoundException ex) {
			System.err.println("pedigree: " + ex.getMessage());
			this.exitCode = 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
