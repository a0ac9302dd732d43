package dev.pedigree.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.LineageWrites;
import dev.pedigree.lineage.OrganizationDirectory;
import dev.pedigree.lineage.TextLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every import, whatever its format: opens the input, lets the format's
 * {@link FormatParser} turn it into {@link FactBatch} chunks (the large formats stream:
 * one chunk of {@code pedigree.import.chunk-size} records in memory at a time), hands the
 * lineage facts of each to {@link LineageWrites} and the rest to {@link AssetWriter}, and
 * keeps the report (counts, rejections, placeholders, skipped and input cycles, time) and
 * the progress. The graph is settled once, at the end.
 */
@Service
public class ImportPipeline {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportPipeline.class);

	private final Map<ImportFormat, FormatParser> parsers = new EnumMap<>(ImportFormat.class);

	private final LineageWrites lineage;

	private final AssetWriter assets;

	private final int chunkSize;

	private final DeferredIndexes indexes;

	ImportPipeline(List<FormatParser> parsers, LineageWrites lineage, AssetWriter assets, DeferredIndexes indexes,
			@Value("${pedigree.import.chunk-size:50000}") int chunkSize) {
		parsers.forEach(p -> this.parsers.put(p.format(), p));
		this.lineage = lineage;
		this.assets = assets;
		this.indexes = indexes;
		if (chunkSize < 1) {
			throw new IllegalArgumentException("pedigree.import.chunk-size must be at least 1, was " + chunkSize);
		}
		this.chunkSize = chunkSize;
	}

	/** Imports a file (or, for folder formats, a folder). */
	public ImportReport importPath(ImportFormat format, Path path, Function<Long, Progress> progressForRecords) {
		if (!Files.exists(path)) {
			throw new InvalidInputException("path", "No such file or folder: " + path.toAbsolutePath());
		}
		FormatParser parser = parser(format);
		List<Path> files = parser.files(path);
		long records = files.size() == 1 ? countLines(files.get(0)) : 0;
		Progress progress = records == 0 ? Progress.NONE : progressForRecords.apply(records);
		return timed(() -> {
			List<Reader> open = new ArrayList<>();
			var deferral = this.indexes.deferFor(records);
			try {
				List<FormatParser.Input> inputs = new ArrayList<>();
				for (Path file : files) {
					Reader reader = open(file);
					open.add(reader);
					inputs.add(new FormatParser.Input(file.toString(), reader, () -> open(file)));
				}
				var writes = this.lineage.importWrites();
				var report = stream(parser, inputs, writes, progress);
				if (format == ImportFormat.HF_EDGES) {
					// Settling an edge list reads models by id only: the indexes
					// populate meanwhile.
					deferral.recreate();
					var settled = settled(format, report, writes);
					deferral.restore();
					return settled;
				}
				// Back before the graph is settled: resolving names reads the search
				// text.
				deferral.restore();
				return settled(format, report, writes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				open.forEach(ImportPipeline::close);
				// After a failure too (nothing left to do after a success).
				deferral.restore();
			}
		});
	}

	/** Imports an upload. */
	public ImportReport importContent(ImportFormat format, String content) {
		var writes = this.lineage.importWrites();
		return timed(() -> settled(format,
				stream(parser(format), List
					.of(new FormatParser.Input("content", new StringReader(content), () -> new StringReader(content))),
						writes, Progress.NONE),
				writes));
	}

	/**
	 * What an import's facts imply, once they are in ({@link LineageWrites#settle}):
	 * names resolve (ambiguous ones become conflicts of the report), safety signals are
	 * read from the stored facts, sizes are estimated and checked. A backup restores
	 * everything as it was; an edge list names ids only (nothing to resolve) and
	 * describes no model, so only what its derivations touch is settled
	 * ({@link LineageWrites.ImportWrites#settleLinked}).
	 */
	private ImportReport settled(ImportFormat format, ImportReport report, LineageWrites.ImportWrites writes) {
		long start = System.nanoTime();
		if (format == ImportFormat.HF_EDGES) {
			writes.settleLinked();
		}
		else if (format != ImportFormat.JSONL) {
			settle(report, !report.placeholders().isEmpty());
		}
		log.debug("settled: {} ms", (System.nanoTime() - start) / 1_000_000);
		return report;
	}

	/** Settles the graph after imports read with {@link #importReader} (the seed). */
	public LineageWrites.Settled settle(ImportReport report, boolean resolveNames) {
		var settled = this.lineage.settle(resolveNames);
		settled.resolution().conflicts().forEach(report::conflict);
		settled.resolution()
			.resolved()
			.forEach(r -> report.resolved(r.placeholder() + " ('" + r.name() + "') -> " + r.match().id() + " ("
					+ r.match().method() + ", " + r.match().confidence() + ")"));
		return settled;
	}

	/**
	 * Imports one file's text without settling (the seed's files, settled once at the end
	 * with {@link #settle}).
	 * @param text opens the text (each time a format reads it)
	 */
	public ImportReport importReader(ImportFormat format, FormatParser.Opener text, String name, Progress progress) {
		return timed(() -> {
			try (Reader reader = text.open()) {
				return stream(parser(format), List.of(new FormatParser.Input(name, reader, text)),
						this.lineage.importWrites(), progress);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Writes each chunk the parser hands on before it reads the next, into one report;
	 * the chunks share one {@link LineageWrites.ImportWrites} (the import's own edges,
	 * for the cycle check and repeated records, and the models it wrote).
	 */
	private ImportReport stream(FormatParser parser, List<FormatParser.Input> inputs, LineageWrites.ImportWrites writes,
			Progress progress) {
		List<ImportReport> report = new ArrayList<>(1);
		parser.parse(inputs, context(), this.chunkSize, chunk -> {
			ImportReport written = write(chunk, writes, progress);
			if (report.isEmpty()) {
				report.add(written);
			}
			else {
				report.get(0).merge(written);
			}
		});
		return report.get(0);
	}

	/**
	 * Writes what a parser read: lineage through {@link LineageWrites}, the rest here.
	 */
	public ImportReport write(FactBatch batch, Progress progress) {
		return write(batch, this.lineage.importWrites(), progress);
	}

	private ImportReport write(FactBatch batch, LineageWrites.ImportWrites writes, Progress progress) {
		ImportReport report = batch.report();
		unstorable(batch, report);
		var organizations = this.lineage.organizations(batch.organizations());
		if (batch.organizationsCounted()) {
			report.counted(organizations);
		}
		report.counted(this.assets.revenues(batch.revenues()));
		report.counted(this.assets.licenses(batch.licenses()));
		long start = System.nanoTime();
		report.counted(writes.models(batch.models(), progress::advance));
		writes.placeholders(batch.placeholders(), progress::advance);
		report.counted(this.assets.assets(batch.assets()));
		long models = System.nanoTime();
		var derivations = writes.derivations(batch.derivations(), batch.unknownModels(), progress::advance);
		log.debug("chunk of {} models, {} derivations: models {} ms, derivations {} ms", batch.models().size(),
				batch.derivations().size(), (models - start) / 1_000_000, (System.nanoTime() - models) / 1_000_000);
		report.counted(derivations.counts());
		derivations.cycles().forEach(report::cycle);
		derivations.placeholders().forEach(report::placeholder);
		derivations.unknownModels()
			.forEach(d -> report.reject(batch.file(), 0,
					"derivation " + d.child() + " <- " + d.parent() + " names a model the file does not contain"));
		derivations.retracted()
			.forEach(r -> report.reject(batch.file(), 0,
					"derivation " + r.derivation().child() + " <- " + r.derivation().parent()
							+ (r.derivation().origin() == null ? "" : " (" + r.derivation().origin() + ")")
							+ " was retracted by a curator" + (r.retractedAt() == null ? "" : " on " + r.retractedAt())
							+ (r.reason() == null ? "" : " ('" + r.reason() + "')")
							+ "; the retraction stands until a curator records the derivation again"));
		derivations.vanished()
			.forEach(d -> report.reject(batch.file(), 0, "derivation " + d.child() + " <- " + d.parent()
					+ (d.origin() == null ? "" : " (" + d.origin() + ")")
					+ " was not written: a model it names left the store while the import ran (a name resolution"
					+ " running at the same time merged the placeholder into the model its name means); import the"
					+ " file again to write it"));
		report.counted(this.assets.assetEdges(batch.assetEdges()));
		report.counted(this.assets.trainedOn(batch.trainedOn()));
		report.counted(this.assets.links(batch.links()));
		return report;
	}

	/**
	 * Takes out of the batch, as rejected records, the models and derivations whose ids
	 * or texts are longer than the store keeps ({@link TextLimits}): refused before any
	 * of the batch is written, instead of failing the import at a commit after earlier
	 * batches stood. A derivation naming such an id is rejected with it, so no
	 * placeholder is made for it.
	 */
	private static void unstorable(FactBatch batch, ImportReport report) {
		for (var models : List.of(batch.models(), batch.placeholders())) {
			models.removeIf(m -> TextLimits.problem(m)
				.or(() -> LineageWrites.figureOutOfRange("parameters", m.parameters()))
				.or(() -> LineageWrites.figureOutOfRange("trainingComputeFlop", m.trainingComputeFlop()))
				.map(problem -> {
					report.reject(batch.file(), 0, "model " + shortened(m.id()) + ": " + problem);
					return true;
				})
				.orElse(false));
		}
		batch.derivations()
			.removeIf(d -> TextLimits.tooLong("child", d.child(), TextLimits.ID)
				.or(() -> TextLimits.tooLong("parent", d.parent(), TextLimits.ID))
				.or(() -> LineageWrites.figureOutOfRange("computeFlop", d.computeFlop()))
				.map(problem -> {
					report.reject(batch.file(), 0,
							"derivation " + shortened(d.child()) + " <- " + shortened(d.parent()) + ": " + problem);
					return true;
				})
				.orElse(false));
	}

	private static String shortened(String id) {
		return id == null || id.length() <= 80 ? id : id.substring(0, 80) + "…";
	}

	/** What parsers may read of the graph. */
	public ParseContext context() {
		return new ParseContext() {

			@Override
			public OrganizationDirectory organizations() {
				return ImportPipeline.this.lineage.organizationDirectory();
			}

			@Override
			public List<LineageWrites.ModelAliases> modelAliases() {
				return ImportPipeline.this.lineage.modelAliases();
			}

			@Override
			public Set<String> existingModelIds(Collection<String> ids) {
				return ImportPipeline.this.lineage.existingModelIds(ids);
			}

		};
	}

	private FormatParser parser(ImportFormat format) {
		FormatParser parser = this.parsers.get(format);
		if (parser == null) {
			throw new InvalidInputException("format", "The " + format.cliName() + " importer is not available yet");
		}
		return parser;
	}

	private static ImportReport timed(Supplier<ImportReport> run) {
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
	private static BufferedReader open(Path path) throws IOException {
		if (path.getFileName().toString().endsWith(".gz")) {
			return new BufferedReader(
					new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8));
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

	private static void close(Reader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			// nothing was written to it
		}
	}

}
