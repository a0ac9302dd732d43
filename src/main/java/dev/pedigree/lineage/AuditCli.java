package dev.pedigree.lineage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.cli.Command;
import dev.pedigree.cli.CommandLine;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code audit [--format md|json] [--out FILE]}: the data-quality report on the store
 * (through a running service with {@code --server URL}).
 */
@Component
@Order(100)
class AuditCli implements ApplicationRunner, ExitCodeGenerator {

	private final DataQuality quality;

	private int exitCode;

	AuditCli(DataQuality quality) {
		this.quality = quality;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!CommandLine.isCommand(args.getSourceArgs())) {
			return;
		}
		var command = Command.parse(args.getSourceArgs());
		if (!"audit".equals(command.name())) {
			return;
		}
		String format = command.options().getOrDefault("format", "md");
		if (!format.equals("md") && !format.equals("json")) {
			System.err.println("pedigree: --format must be md or json, was '" + format + "'");
			this.exitCode = 1;
			return;
		}
		var report = this.quality.report();
		String text = format.equals("md") ? this.quality.markdown(report)
				: JsonMapper.builder().build().writeValueAsString(report);
		try {
			if (command.options().containsKey("out")) {
				Files.writeString(Path.of(command.options().get("out")), text);
			}
			else {
				System.out.print(text);
			}
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
