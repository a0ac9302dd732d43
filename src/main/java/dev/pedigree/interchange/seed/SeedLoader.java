package dev.pedigree.interchange.seed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ImportPipeline;
import dev.pedigree.interchange.LicenseFacts;
import dev.pedigree.interchange.RevenueFacts;
import dev.pedigree.interchange.ImportReport;
import dev.pedigree.interchange.Progress;
import dev.pedigree.lineage.LineageWrites;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationFacts;
import dev.pedigree.storage.Graph;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Loads {@code seed-data/} (shipped in the jar) through the import pipeline on start: the
 * curated tables as one batch of facts, then the sources' files through their parsers.
 * Idempotent; a store that already holds this exact seed (same checksum) is skipped, so a
 * restart costs nothing.
 */
@Component
@Order(0)
class SeedLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	static final String CURATED = "pedigree-seed";

	private static final List<String> FILES = List.of("organizations.csv", "revenues.csv", "licenses.csv",
			"model-links.csv", "model-identities.csv", "huggingface/nodes.csv", "huggingface/edges.csv",
			"epoch-ai/notable_ai_models.csv", "huggingface/models.jsonl", "safety/alignment-stripping-datasets.csv");

	private final boolean enabled;

	private final Graph graph;

	private final ImportPipeline pipeline;

	private final LineageWrites lineage;

	SeedLoader(SeedProperties properties, Graph graph, ImportPipeline pipeline, LineageWrites lineage) {
		this.enabled = properties.enabled();
		this.graph = graph;
		this.pipeline = pipeline;
		this.lineage = lineage;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		String checksum = checksum();
		boolean seeded = !this.graph
			.read("MATCH (s:__Seed {checksum: $checksum}) RETURN s", Map.of("checksum", checksum))
			.isEmpty();
		if (seeded) {
			log.info("Seed data already loaded (checksum {}); skipping", checksum);
			return;
		}
		Instant start = Instant.now();
		ImportReport report = load();
		this.graph.write(tx -> tx
			.run("MERGE (s:__Seed {checksum: $checksum}) SET s.loadedAt = datetime()", Map.of("checksum", checksum))
			.consume());
		report.elapsed(Duration.between(start, Instant.now()));
		log.info("Seeded: {}", report.summary().lines().findFirst().orElse(""));
	}

	ImportReport load() {
		var curated = new FactBatch("seed", "seed-data");
		List<RevenueFacts> revenues = revenues();
		curated.countedOrganizations(organizations(revenues));
		revenues.forEach(curated::revenue);
		licenses().forEach(curated::license);
		modelLinks().forEach(curated::model);
		modelIdentities().forEach(curated::model);
		ImportReport report = this.pipeline.write(curated, Progress.NONE);
		report.merge(importFile("huggingface/nodes.csv", ImportFormat.HF_NODES));
		report.merge(importFile("huggingface/edges.csv", ImportFormat.HF_EDGES));
		// The Hub's richest record: its named facts (tags, training sets, licence, the
		// parameter count counted from the weights, dates, pipeline tag) replace the
		// CSV's
		// for the 1,469 models it describes (seed-data/extract.py leaves lineage to
		// edges.csv).
		report.merge(importFile("huggingface/models.jsonl", ImportFormat.HUGGINGFACE));
		// Epoch AI last: for the few models it and the Hub both describe, its publication
		// date and reported parameter count are the model's (a repo's creation date is
		// not a release date).
		report.merge(importFile("epoch-ai/notable_ai_models.csv", ImportFormat.EPOCH));
		var settled = this.pipeline.settle(report, true);
		log.info(
				"Settled: {} placeholders resolved ({} ambiguous), {} derivations with new safety signals, "
						+ "{} sizes estimated from names, {} size warnings",
				settled.resolution().resolved().size(), settled.resolution().conflicts().size(),
				settled.safetySignalsChanged(), settled.sizes().estimated(), settled.sizes().warned());
		return report;
	}

	private ImportReport importFile(String file, ImportFormat format) {
		return this.pipeline.importReader(format, () -> open(file), "seed-data/" + file, Progress.NONE);
	}

	/**
	 * Annual revenues per organisation and fiscal year, with their source; the SB 53
	 * rules pick the figure of the year before the evaluation date.
	 */
	private List<RevenueFacts> revenues() {
		List<RevenueFacts> rows = new ArrayList<>();
		try (Reader in = open("revenues.csv")) {
			for (var row : Csv.read(in, "seed-data/revenues.csv",
					List.of("organization_id", "fiscal_year", "period_end", "revenue_usd", "source"))) {
				rows.add(new RevenueFacts(row.get("organization_id"), Long.parseLong(row.get("fiscal_year")),
						row.get("period_end"), Double.parseDouble(row.get("revenue_usd")), row.get("source")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/** Organisations; each shows its latest sourced revenue figure. */
	private List<OrganizationFacts> organizations(List<RevenueFacts> revenues) {
		Map<String, RevenueFacts> latest = new HashMap<>();
		for (var revenue : revenues) {
			latest.merge(revenue.organizationId(), revenue,
					(a, b) -> a.periodEnd().compareTo(b.periodEnd()) >= 0 ? a : b);
		}
		List<OrganizationFacts> rows = new ArrayList<>();
		try (Reader in = open("organizations.csv")) {
			for (var row : Csv.read(in, "seed-data/organizations.csv", List.of("id", "name"))) {
				var revenue = latest.get(row.get("id"));
				List<String> aliases = row.get("aliases") == null ? List.of()
						: Arrays.stream(row.get("aliases").split("\\|")).map(String::strip).toList();
				rows.add(new OrganizationFacts(row.get("id"), row.get("name"), row.get("kind"), row.get("country"),
						revenue == null ? null : revenue.amountUsd(),
						revenue == null ? null : "FY" + revenue.fiscalYear() + " (ended " + revenue.periodEnd() + ")",
						revenue == null ? null : revenue.source(), aliases, CURATED, null));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private List<LicenseFacts> licenses() {
		List<LicenseFacts> rows = new ArrayList<>();
		try (Reader in = open("licenses.csv")) {
			for (var row : Csv.read(in, "seed-data/licenses.csv", List.of("id", "name", "rank"))) {
				rows.add(new LicenseFacts(row.get("id"), row.get("name"), row.get("category"),
						Long.parseLong(row.get("rank")), Boolean.parseBoolean(row.get("permissive")),
						Boolean.parseBoolean(row.get("commercial_use")),
						Boolean.parseBoolean(row.get("use_restrictions")), row.get("source"),
						row.get("open_source_exemption"), row.get("exemption_note")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * Hub repos that are the same model as an Epoch AI row get that row's name as an
	 * alias.
	 */
	private List<ModelFacts> modelLinks() {
		List<ModelFacts> rows = new ArrayList<>();
		try (Reader in = open("model-links.csv")) {
			for (var row : Csv.read(in, "seed-data/model-links.csv", List.of("hub_id", "epoch_name"))) {
				rows.add(ModelFacts.of(row.get("hub_id"))
					.name(row.get("hub_id"))
					.identityNote(row.get("source"))
					.aliases(List.of(row.get("epoch_name")))
					.source(CURATED)
					.build());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * Curated identities of models the sources name without describing (Epoch AI's "Base
	 * model" column): id, developer and the name as an alias, each with its source.
	 */
	private List<ModelFacts> modelIdentities() {
		List<ModelFacts> rows = new ArrayList<>();
		try (Reader in = open("model-identities.csv")) {
			for (var row : Csv.read(in, "seed-data/model-identities.csv",
					List.of("name", "model_id", "developer", "source"))) {
				rows.add(ModelFacts.of(row.get("model_id"))
					.name(row.get("model_id"))
					.identityNote(row.get("source"))
					.aliases(List.of(row.get("name")))
					.developerId(row.get("developer"))
					.source(CURATED)
					.build());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static Reader open(String file) throws IOException {
		return new InputStreamReader(new ClassPathResource("seed-data/" + file).getInputStream(),
				StandardCharsets.UTF_8);
	}

	private static String checksum() {
		var all = new java.io.ByteArrayOutputStream();
		for (String file : FILES) {
			try (var in = new ClassPathResource("seed-data/" + file).getInputStream()) {
				in.transferTo(all);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return DigestUtils.md5DigestAsHex(all.toByteArray());
	}

}
