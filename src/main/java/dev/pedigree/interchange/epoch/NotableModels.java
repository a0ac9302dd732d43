package dev.pedigree.interchange.epoch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DateSources;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.ModelNames;
import dev.pedigree.lineage.OrganizationDirectory;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.SourcedFigure;
import dev.pedigree.lineage.Slugs;

import org.springframework.stereotype.Component;

/**
 * Epoch AI's "Data on Notable AI Models" CSV: compute, parameters, organisation, country,
 * date, accessibility, base model and fine-tune compute — the inputs of the regulatory
 * thresholds. Credited to Epoch AI (CC BY 4.0).
 */
@Component
class NotableModels implements FormatParser {

	static final String SOURCE = "epoch";

	static final String CREDIT = "Epoch AI, 'Data on Notable AI Models' (CC BY 4.0), https://epoch.ai/data/ai-models";

	private static final double EPOCH_CONFIDENCE = 0.8;

	@Override
	public ImportFormat format() {
		return ImportFormat.EPOCH;
	}

	/** A row read: its model, and what its derivations need. */
	private record Parsed(long line, ModelFacts.Builder model, String name, String baseModels, Double finetuneCompute,
			String date) {
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		Input input = inputs.get(0);
		var batch = new FactBatch("epoch", input.name());
		var organizations = context.organizations();
		// Models already known under another id (a Hub repo with this Epoch name as
		// alias) keep that id.
		Map<String, String> idByName = new HashMap<>();
		for (var known : context.modelAliases()) {
			known.aliases().forEach(a -> idByName.putIfAbsent(Slugs.aliasKey(a), known.id()));
		}
		List<Parsed> parsed = new ArrayList<>();
		Set<String> seenNames = new HashSet<>();
		for (var row : Csv.read(input.reader(), input.name(), List.of("Model", "Organization"))) {
			String name = row.get("Model");
			if (name == null) {
				batch.reject(input.name(), row.line(), "Model (name) is empty");
			}
			else if (!seenNames.add(Slugs.aliasKey(name))) {
				batch.conflict(input.name() + ":" + row.line() + ": duplicate model name '" + name
						+ "'; the first row is kept");
			}
			else {
				try {
					parsed.add(model(row, name, organizations, idByName));
				}
				catch (IllegalArgumentException ex) {
					batch.reject(input.name(), row.line(), name + ": " + ex.getMessage());
				}
			}
		}
		// Names are set only on new nodes so a Hub model keeps its repo name; Epoch's
		// name stays an alias.
		var existing = context.existingModelIds(parsed.stream().map(p -> p.model().build().id()).toList());
		for (Parsed p : parsed) {
			var model = p.model().build();
			batch.model(existing.contains(model.id()) ? model : p.model().name(p.name()).build());
		}
		batch.organizations(organizations.newOrganizations());
		Set<String> rowIds = new HashSet<>();
		parsed.forEach(p -> rowIds.add(p.model().build().id()));
		for (Parsed p : parsed) {
			derivations(p, input.name(), idByName, rowIds, batch);
		}
		return batch;
	}

	/** A row's model, under the id it already has or a new one from its developer. */
	private static Parsed model(Csv.Row row, String name, OrganizationDirectory organizations,
			Map<String, String> idByName) {
		Double parameters = Csv.number(row.get("Parameters"));
		Double compute = Csv.number(row.get("Training compute (FLOP)"));
		Double finetune = Csv.number(row.get("Finetune compute (FLOP)"));
		String date = date(row.get("Publication date"));
		String developer = developer(row, organizations);
		String id = idByName.computeIfAbsent(Slugs.aliasKey(name),
				k -> (developer == null ? "unknown" : developer) + "/" + Slugs.slug(name));
		String domain = row.get("Domain");
		String task = row.get("Task");
		String frontier = row.get("Frontier model");
		var model = ModelFacts.of(id)
			.aliases(List.of(name))
			.developerId(developer)
			.source(SOURCE)
			.parameters(parameters, SourcedFigure.EPOCH, false)
			// Epoch AI rates its own compute estimates: only "Confident" is taken as
			// firm.
			.trainingComputeFlop(compute, SourcedFigure.EPOCH, !"Confident".equalsIgnoreCase(row.get("Confidence")))
			.releaseDate(date, DateSources.EPOCH)
			.modality(domain)
			.task(task)
			.generative(generative(domain, task))
			.access(access(row.get("Model accessibility")))
			.accessDetail(row.get("Model accessibility"))
			.computeConfidence(row.get("Confidence"))
			.epochUrl(row.get("Link"))
			.frontierModel(
					frontier == null ? null : "true".equalsIgnoreCase(frontier) || "yes".equalsIgnoreCase(frontier))
			.epochCredit(CREDIT);
		return new Parsed(row.line(), model, name, row.get("Base model"), finetune, date);
	}

	/** The first of the row's organisations is the developer; all are recorded. */
	private static String developer(Csv.Row row, OrganizationDirectory organizations) {
		String orgField = row.get("Organization");
		String country = row.get("Country (of organization)");
		String kind = row.get("Organization categorization");
		String developer = null;
		if (orgField != null) {
			for (String org : orgField.split(",")) {
				if (!org.isBlank()) {
					String orgId = organizations.resolve(org.strip(), kind == null ? null : kind.split(",")[0],
							country == null ? null : country.split(",")[0], SOURCE);
					developer = developer == null ? orgId : developer;
				}
			}
		}
		return developer;
	}

	/**
	 * The row's base models as FINETUNE derivations; a base model no source describes
	 * becomes a listed placeholder {@code epoch/<slug>} (entity resolution may find it
	 * later); one another source describes under this name (a curated identity, a Hub
	 * link) records that it was resolved.
	 */
	private static void derivations(Parsed p, String file, Map<String, String> idByName, Set<String> rowIds,
			FactBatch batch) {
		if (p.baseModels() == null) {
			return;
		}
		String child = p.model().build().id();
		Set<String> parents = new LinkedHashSet<>();
		Map<String, String> resolvedFrom = new HashMap<>();
		for (String base : p.baseModels().split(",")) {
			if (base.isBlank()) {
				continue;
			}
			String parentId = idByName.get(Slugs.aliasKey(base.strip()));
			if (parentId == null) {
				parentId = "epoch/" + Slugs.slug(base);
				idByName.put(Slugs.aliasKey(base.strip()), parentId);
				batch.placeholder(ModelFacts.of(parentId)
					.name(base.strip())
					.aliases(List.of(base.strip()))
					.placeholder(true)
					.build(), parentId + " (base model '" + base.strip() + "' of " + p.name() + ")");
			}
			else if (!rowIds.contains(parentId) && !parentId.startsWith("epoch/")) {
				resolvedFrom.put(parentId, base.strip());
			}
			parents.add(parentId);
		}
		for (String parentId : parents) {
			batch.derivation(DerivationFacts.of(child, parentId)
				.origin(file + ":" + p.line())
				.relation(Relation.FINETUNE)
				.source(SOURCE)
				.confidence(EPOCH_CONFIDENCE)
				.incomplete(false)
				// Epoch gives one fine-tune figure per model; with several bases it
				// cannot
				// be split per parent.
				.computeFlop(parents.size() == 1 ? p.finetuneCompute() : null)
				.date(p.date())
				.resolvedFrom(resolvedFrom.get(parentId), resolvedFrom.containsKey(parentId) ? ModelNames.EXACT : null,
						resolvedFrom.containsKey(parentId) ? 1.0 : null)
				.build());
		}
	}

	/**
	 * Whether the model can generate language (text, code or speech), text-to-image or
	 * text-to-video — the modalities of the GPAI guidelines' indicative criterion (para
	 * 17). Decided on Epoch AI's tasks where it lists any (a "Language" domain alone does
	 * not make a robot-action or classification model generative); on the domain
	 * otherwise; null when neither is known.
	 */
	static Boolean generative(String domain, String task) {
		String d = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
		String t = task == null ? "" : task.toLowerCase(Locale.ROOT);
		if (!t.isBlank()) {
			return GENERATIVE_TASK.matcher(t).find();
		}
		if (d.isBlank()) {
			return null;
		}
		return d.contains("language") || d.contains("multimodal") || d.contains("image generation")
				|| d.contains("video") || d.contains("audio");
	}

	// Tasks whose output is language (text, code, speech) or images/video from text.
	private static final java.util.regex.Pattern GENERATIVE_TASK = java.util.regex.Pattern
		.compile("language model|generation|chat|question answering|translation|summari|autocompletion|captioning"
				+ "|instruction|reasoning|theorem proving|speech synthesis|text-to-|video description|dialog");

	static String access(String accessibility) {
		if (accessibility == null) {
			return null;
		}
		String a = accessibility.toLowerCase(Locale.ROOT);
		if (a.startsWith("open weights")) {
			return "OPEN_WEIGHTS";
		}
		if (a.contains("api")) {
			return "API";
		}
		if (a.contains("unreleased") || a.contains("hosted")) {
			return "CLOSED";
		}
		return null;
	}

	private static String date(String value) {
		if (value == null) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
			if (d.getYear() < 1940 || d.isAfter(LocalDate.now().plusDays(1))) {
				throw new IllegalArgumentException("impossible publication date '" + value + "'");
			}
			return d.toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("publication date is not a date: '" + value + "'");
		}
	}

}
