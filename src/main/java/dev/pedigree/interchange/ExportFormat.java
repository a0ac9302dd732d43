package dev.pedigree.interchange;

import java.util.Arrays;
import java.util.Locale;

/** Formats the exporters write, with their HTTP media types and file extensions. */
public enum ExportFormat {

	CYCLONEDX("cyclonedx", "application/vnd.cyclonedx+json", "cdx.json"),
	GRAPHML("graphml", "application/graphml+xml", "graphml"), CSV("csv", "text/csv", "csv"),
	MERMAID("mermaid", "text/vnd.mermaid", "mmd"), JSONL("jsonl", "application/jsonl", "jsonl");

	private final String cliName;

	private final String mediaType;

	private final String extension;

	ExportFormat(String cliName, String mediaType, String extension) {
		this.cliName = cliName;
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String cliName() {
		return this.cliName;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public static ExportFormat fromCli(String name) {
		return Arrays.stream(values())
			.filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown export format '" + name + "'; use one of "
					+ String.join(", ", Arrays.stream(values()).map(ExportFormat::cliName).toList())));
	}

}
