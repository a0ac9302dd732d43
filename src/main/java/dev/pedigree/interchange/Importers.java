package dev.pedigree.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import dev.pedigree.common.InvalidInputException;

import org.springframework.stereotype.Service;

/** One entry for every import: picks the importer of a format and times the run. */
@Service
public class Importers {

	private final HuggingFaceCsvImporter huggingFaceCsv;

	private final EpochImporter epoch;

	private final JsonLinesImporter jsonLines;

	private final HuggingFaceJsonImporter huggingFaceJson;

	private final CycloneDx cycloneDx;

	private final EcosystemGraphsImporter ecosystemGraphs;

	Importers(HuggingFaceCsvImporter huggingFaceCsv, EpochImporter epoch, JsonLinesImporter jsonLines,
			HuggingFaceJsonImporter huggingFaceJson, CycloneDx cycloneDx, EcosystemGraphsImporter ecosystemGraphs) {
		this.ecosystemGraphs = ecosystemGraphs;
		this.cycloneDx = cycloneDx;
		this.huggingFaceJson = huggingFaceJson;
		this.huggingFaceCsv = huggingFaceCsv;
		this.epoch = epoch;
		this.jsonLines = jsonLines;
	}

	/** Imports a file (or, for folder formats, a folder). */
	public ImportReport importPath(ImportFormat format, Path path, Function<Long, Progress> progressForRecords) {
		if (!Files.exists(path)) {
			throw new InvalidInputException("path", "No such file or folder: " + path.toAbsolutePath());
		}
		if (format == ImportFormat.ECOSYSTEM_GRAPHS) {
			return timed(() -> this.ecosystemGraphs.importPath(path, Progress.NONE));
		}
		long records = countLines(path);
		return timed(() -> {
			try (Reader reader = open(path)) {
				return importer(format).read(reader, path.toString(), progressForRecords.apply(records));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	public ImportReport importContent(ImportFormat format, String content) {
		return timed(() -> importer(format).read(new StringReader(content), "content", Progress.NONE));
	}

	private FileImporter importer(ImportFormat format) {
		return switch (format) {
			case HF_EDGES -> this.huggingFaceCsv::importEdges;
			case HF_NODES -> this.huggingFaceCsv::importNodes;
			case EPOCH -> this.epoch::importModels;
			case JSONL -> this.jsonLines::importBackup;
			case HUGGINGFACE -> this.huggingFaceJson::importModels;
			case CYCLONEDX -> this.cycloneDx::importBom;
			case ECOSYSTEM_GRAPHS -> this.ecosystemGraphs::importReader;
			default ->
				throw new InvalidInputException("format", "The " + format.cliName() + " importer is not available yet");
		};
	}

	private static ImportReport timed(java.util.function.Supplier<ImportReport> run) {
		Instant start = Instant.now();
		try {
			ImportReport report = run.get();
			report.elapsed(Duration.between(start, Instant.now()));
			return report;
		}
		catch (Csv.MalformedFileException ex) {
			throw new InvalidInputException("content", ex.getMessage());
		}
	}

	/**
	 * A file as text; a {@code .gz} file (a compressed Hub dump, say) is read through
	 * gzip.
	 */
	private static java.io.BufferedReader open(Path path) throws IOException {
		if (path.getFileName().toString().endsWith(".gz")) {
			return new java.io.BufferedReader(new java.io.InputStreamReader(
					new java.util.zip.GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8));
		}
		return Files.newBufferedReader(path, StandardCharsets.UTF_8);
	}

	private static long countLines(Path path) {
		if (Files.isDirectory(path)) {
			return 0;
		}
		try (var lines = open(path).lines()) {
			return lines.count();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

}
