package dev.pedigree.cli;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.pedigree.cli.CommandSpec.Form;
import dev.pedigree.cli.CommandSpec.Operand;
import dev.pedigree.cli.CommandSpec.Option;

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

	static final CommandSpec SPEC = new CommandSpec("report",
			"write a model's liability report (parties, duties, their basis) as md, html, pdf or json", """
					Writes the liability report of MODEL_ID: the rules of --as-of over its lineage as it stood then
					(default: today's rules over the lineage as it is), with the SHA-256 of its canonical JSON printed,
					the same report GET /report/liability gives. On the store, or through a running service with
					--server URL (no downtime).""",
			List.of(Form.of("liability", List.of(Operand.value("MODEL_ID", "the model's id, e.g. org/name")),
					List.of("out"), List.of("format", "as-of", "server"))),
			List.of(Option.output("out", "the file to write"),
					Option
						.choice("format", "the report's format",
								Arrays.stream(LiabilityReports.Format.values())
									.map(f -> f.name().toLowerCase(Locale.ROOT))
									.toList(),
								LiabilityReports.Format::parse)
						.withDefault("md"),
					Option.date("as-of", "the date whose rules apply and whose lineage is read (default today)"),
					CommandSpec.SERVER),
			List.of("report liability huihui-ai/DeepSeek-V3-abliterated --format md --as-of 2026-11-28 --out report.md",
					"report liability huihui-ai/DeepSeek-V3-abliterated --format pdf --out report.pdf "
							+ "--server http://localhost:8080"));

	private final LiabilityReports reports;

	ReportCli(LiabilityReports reports) {
		super("report");
		this.reports = reports;
	}

	@Override
	protected void execute(Command command) throws Exception {
		var arguments = RemoteCommand.ReportArguments.of(command);
		var format = LiabilityReports.Format.parse(arguments.format());
		var report = this.reports.build(arguments.modelId(), arguments.asOf());
		Files.write(arguments.out(), this.reports.render(report, format));
		System.out.println(
				"report written to " + arguments.out() + " (SHA-256 of the canonical JSON " + report.sha256() + ")");
	}

}
