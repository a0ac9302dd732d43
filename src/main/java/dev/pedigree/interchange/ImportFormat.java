package dev.pedigree.interchange;

import java.util.Arrays;
import java.util.Locale;

/** Formats the importers read; {@code cliName} is the CLI's {@code --format} value. */
public enum ImportFormat {

	HUGGINGFACE("huggingface"), HF_EDGES("hf-edges"), HF_NODES("hf-nodes"), ECOSYSTEM_GRAPHS("ecosystem-graphs"),
	EPOCH("epoch"), CYCLONEDX("cyclonedx"), JSONL("jsonl");

	private final String cliName;

	ImportFormat(String cliName) {
		this.cliName = cliName;
	}

	public String cliName() {
		return this.cliName;
	}

	public static ImportFormat fromCli(String name) {
		return Arrays.stream(values())
			.filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)) || f.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown import format '" + name + "'; use one of "
					+ String.join(", ", Arrays.stream(values()).map(ImportFormat::cliName).toList())));
	}

}
