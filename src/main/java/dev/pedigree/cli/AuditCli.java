package dev.pedigree.cli;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.cli.CommandSpec.Form;
import dev.pedigree.cli.CommandSpec.Option;

import dev.pedigree.lineage.DataQuality;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code audit [--format md|json] [--out FILE]}: the data-quality report on the store
 * (through a running service with {@code --server URL}).
 */
@Component
@Order(100)
class AuditCli extends SubcommandRunner {

	static final CommandSpec SPEC = new CommandSpec("audit",
			"print the data-quality report: what models and derivations lack, placeholders, models per source", """
					Prints the data-quality report of the graph (the same as GET /report/data-quality), or writes it
					to --out. On the store, or through a running service with --server URL.""",
			List.of(Form.of(null, List.of(), List.of(), List.of("format", "out", "server"))),
			List.of(Option.choice("format", "the report's format", List.of("md", "json")).withDefault("md"),
					CommandSpec.OUT_OR_PRINT, CommandSpec.SERVER),
			List.of("audit", "audit --format json --out audit.json --server http://localhost:8080"));

	private final DataQuality quality;

	AuditCli(DataQuality quality) {
		super("audit");
		this.quality = quality;
	}

	@Override
	protected void execute(Command command) throws Exception {
		String format = command.options().getOrDefault("format", "md");
		if (!format.equals("md") && !format.equals("json")) {
			throw new IllegalArgumentException("--format must be md or json, was '" + format + "'");
		}
		var report = this.quality.report();
		String text = format.equals("md") ? this.quality.markdown(report)
				: JsonMapper.builder().build().writeValueAsString(report);
		command.emit(text);
	}

}
