package dev.pedigree.cli;

import java.nio.file.Files;

import dev.pedigree.risk.LiabilityReports;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code report liability ID --format md|html|pdf|json --out FILE [--as-of DATE]} on the
 * store (through a running service with {@code --server URL}: see {@link RemoteCommand}).
 */
@Component
@Order(100)
class ReportCli extends SubcommandRunner {

	private final LiabilityReports reports;

	ReportCli(LiabilityReports reports) {
		super("report");
		this.reports = reports;
	}

	@Override
	protected void execute(Command command) throws Exception {
		var arguments = RemoteCommand.ReportArguments.of(command);
		var format = LiabilityReports.Format.parse(arguments.format());
		var report = this.reports.build(arguments.modelId(), LiabilityReports.asOf(arguments.asOf()));
		Files.write(arguments.out(), this.reports.render(report, format));
		System.out.println(
				"report written to " + arguments.out() + " (SHA-256 of the canonical JSON " + report.sha256() + ")");
	}

}
