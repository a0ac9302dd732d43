package dev.pedigree.cli;

import tools.jackson.databind.json.JsonMapper;

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
