package dev.pedigree.interchange;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Epoch AI's "Data on Notable AI Models" CSV: compute, parameters, organisation, country,
 * date, accessibility, base model and fine-tune compute — the inputs of the regulatory
 * thresholds. Credited to Epoch AI (CC BY 4.0).
 */
@Component
class EpochImporter {

	static final String SOURCE = "epoch";

	static final String CREDIT = "Epoch AI, 'Data on Notable AI Models' (CC BY 4.0), https://epoch.ai/data/ai-models";

	private static final double EPOCH_CONFIDENCE = 0.8;

	private final GraphWriter writer;

	EpochImporter(GraphWriter writer) {
		this.writer = writer;
	}

	ImportReport importModels(Reader reader, String file, Progress progress) {
		var report = new ImportReport("epoch");
		var rows = Csv.read(reader, file, List.of("Model", "Organization"));
		var organizations = new OrganizationDirectory(this.writer.query("interchange/all-organization-names"));
		// Models already known under another id (a Hub repo with this Epoch name as
		// alias) keep that id.
		Map<String, String> idByName = new HashMap<>();
		for (var r : this.writer.query("interchange/model-aliases")) {
			r.get("aliases")
				.asList(v -> v.asString())
				.forEach(a -> idByName.putIfAbsent(Slugs.aliasKey(a), r.get("id").asString()));
		}
		record Parsed(long line, String id, String name, String baseModels, Double finetuneCompute, String date) {
		}
		List<Parsed> parsed = new ArrayList<>();
		List<GraphWriter.ModelRow> models = new ArrayList<>();
		Set<String> seenNames = new java.util.HashSet<>();
		for (var row : rows) {
			String name = row.get("Model");
			String orgField = row.get("Organization");
			if (name == null) {
				report.reject(file, row.line(), "Model (name) is empty");
				continue;
			}
			if (!seenNames.add(Slugs.aliasKey(name))) {
				report
					.conflict(file + ":" + row.line() + ": duplicate model name '" + name + "'; the first row is kept");
				continue;
			}
			Map<String, Object> props = new HashMap<>();
			Double finetune;
			String date;
			try {
				props.put("parameters", Csv.number(row.get("Parameters")));
				props.put("trainingComputeFlop", Csv.number(row.get("Training compute (FLOP)")));
				finetune = Csv.number(row.get("Finetune compute (FLOP)"));
				date = date(row.get("Publication date"));
			}
			catch (IllegalArgumentException ex) {
				report.reject(file, row.line(), name + ": " + ex.getMessage());
				continue;
			}
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
			String id = idByName.get(Slugs.aliasKey(name));
			if (id == null) {
				id = (developer == null ? "unknown" : developer) + "/" + Slugs.slug(name);
				idByName.put(Slugs.aliasKey(name), id);
			}
			props.put("releaseDate", date);
			String domain = row.get("Domain");
			String task = row.get("Task");
			props.put("modality", domain);
			props.put("task", task);
			props.put("generative", generative(domain, task));
			props.put("access", access(row.get("Model accessibility")));
			props.put("accessDetail", row.get("Model accessibility"));
			props.put("computeConfidence", row.get("Confidence"));
			props.put("epochUrl", row.get("Link"));
			props.put("frontierModel",
					row.get("Frontier model") == null ? null : "true".equalsIgnoreCase(row.get("Frontier model"))
							|| "yes".equalsIgnoreCase(row.get("Frontier model")));
			props.put("epochCredit", CREDIT);
			models.add(new GraphWriter.ModelRow(id, props, List.of(name), developer, SOURCE, false));
			parsed.add(new Parsed(row.line(), id, name, row.get("Base model"), finetune, date));
		}
		// Names are set only on new nodes so a Hub model keeps its repo name; Epoch's
		// name stays an alias.
		var existing = this.writer.existingModelIds(models.stream().map(GraphWriter.ModelRow::id).toList());
		for (int i = 0; i < models.size(); i++) {
			var m = models.get(i);
			if (!existing.contains(m.id())) {
				m.props().put("name", parsed.get(i).name());
			}
		}
		this.writer.organizations(organizations.newOrganizations(), new ImportReport("organizations"));
		this.writer.models(models, report, progress);

		var guard = this.writer.cycleGuard();
		List<GraphWriter.ModelRow> placeholders = new ArrayList<>();
		List<GraphWriter.DerivationRow> derivations = new ArrayList<>();
		for (Parsed p : parsed) {
			if (p.baseModels() == null) {
				continue;
			}
			Set<String> parents = new LinkedHashSet<>();
			for (String base : p.baseModels().split(",")) {
				if (base.isBlank()) {
					continue;
				}
				String parentId = idByName.get(Slugs.aliasKey(base.strip()));
				if (parentId == null) {
					parentId = "epoch/" + Slugs.slug(base);
					idByName.put(Slugs.aliasKey(base.strip()), parentId);
					Map<String, Object> props = new HashMap<>();
					props.put("name", base.strip());
					placeholders
						.add(new GraphWriter.ModelRow(parentId, props, List.of(base.strip()), null, null, true));
					report.placeholder(parentId + " (base model '" + base.strip() + "' of " + p.name() + ")");
				}
				parents.add(parentId);
			}
			for (String parentId : parents) {
				var cycle = guard.accept(p.id(), parentId);
				if (cycle != null) {
					report.cycle(file + ":" + p.line() + ": " + String.join(" -> ", cycle));
					continue;
				}
				Map<String, Object> props = new HashMap<>();
				props.put("relation", "FINETUNE");
				props.put("source", SOURCE);
				props.put("confidence", EPOCH_CONFIDENCE);
				props.put("incomplete", false);
				// Epoch gives one fine-tune figure per model; with several bases it
				// cannot be split per parent.
				props.put("computeFlop", parents.size() == 1 ? p.finetuneCompute() : null);
				props.put("date", p.date());
				derivations.add(new GraphWriter.DerivationRow(p.id(), parentId, props));
			}
		}
		this.writer.models(placeholders, new ImportReport("placeholders"), progress);
		this.writer.derivations(derivations, guard, report, progress);
		return report;
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
