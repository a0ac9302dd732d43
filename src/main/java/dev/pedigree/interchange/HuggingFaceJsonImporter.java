package dev.pedigree.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.pedigree.lineage.Relation;

import org.springframework.stereotype.Component;

/**
 * Hugging Face Hub model-info objects as JSON Lines, in both shapes the Hub produces:
 * {@code huggingface_hub}'s snake_case ({@code created_at}, {@code card_data} as YAML
 * text) and the HTTP API's camelCase ({@code createdAt}, {@code cardData} as an object,
 * {@code modelId}). Parents come from tags {@code base_model:<relation>:<id>} (the Hub's
 * inference, whose relation wins) and from the card's {@code base_model} (kept as card
 * claims); card {@code datasets} become TRAINED_ON; safety-removal signals in id, tags
 * and training sets are recorded.
 */
@Component
class HuggingFaceJsonImporter {

	static final String SOURCE = "huggingface";

	/**
	 * A parent only the model card names: the author's claim, below the Hub's own
	 * inference.
	 */
	static final double CARD_CONFIDENCE = 0.7;

	private final GraphWriter writer;

	private final JsonMapper json;

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	HuggingFaceJsonImporter(GraphWriter writer, JsonMapper json) {
		this.writer = writer;
		this.json = json;
	}

	private record Parent(String id, Relation relation, String source, double confidence) {
	}

	private record Parsed(long line, String id, List<Parent> parents, boolean signalsRemoval) {
	}

	ImportReport importModels(Reader reader, String file, Progress progress) {
		var report = new ImportReport("huggingface");
		var organizations = new OrganizationDirectory(this.writer.query("interchange/all-organization-names"));
		List<GraphWriter.ModelRow> models = new ArrayList<>();
		List<Parsed> parsed = new ArrayList<>();
		List<Map<String, Object>> trainedOn = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(reader)) {
			long number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				JsonNode model;
				try {
					model = this.json.readTree(line);
				}
				catch (JacksonException ex) {
					report.reject(file, number, "not a JSON object: " + ex.getOriginalMessage());
					continue;
				}
				String id = text(model, "id", "modelId");
				if (id == null || !model.isObject()) {
					report.reject(file, number, "a model-info object needs 'id' or 'modelId'");
					continue;
				}
				id = HuggingFaceCsvImporter.normalise(id);
				JsonNode card = card(model, file, number, report);
				Map<String, Object> props = new HashMap<>();
				try {
					props.put("releaseDate", HuggingFaceCsvImporter.date(text(model, "created_at", "createdAt")));
				}
				catch (IllegalArgumentException ex) {
					report.reject(file, number, id + ": " + ex.getMessage());
					continue;
				}
				props.put("name", id);
				props.put("downloads", number(model, "downloads"));
				props.put("likes", number(model, "likes"));
				props.put("pipelineTag", text(model, "pipeline_tag", "pipelineTag"));
				props.put("libraryName", text(model, "library_name", "libraryName"));
				props.put("license", card != null && card.path("license").isString() ? card.path("license").asString()
						: licenseTag(model));
				props.put("parameters", model.path("safetensors").path("total").isNumber()
						? model.path("safetensors").path("total").asDouble() : null);
				boolean gated = model.path("gated").isString() || model.path("gated").asBoolean(false);
				props.put("access", gated ? "GATED" : "OPEN_WEIGHTS");
				props.put("sourceUrl", "https://huggingface.co/" + id);
				String author = text(model, "author");
				if (author == null && id.contains("/")) {
					author = id.substring(0, id.indexOf('/'));
				}
				String developer = author == null ? null : organizations.resolve(author, "hub-account", null, SOURCE);
				models.add(new GraphWriter.ModelRow(id, props, List.of(), developer, SOURCE, false));

				List<String> tags = strings(model.path("tags"));
				List<String> datasets = card == null ? List.of() : strings(card.path("datasets"));
				for (String dataset : datasets) {
					trainedOn.add(Map.of("model", id, "dataset", dataset, "source", "hf:card"));
				}
				boolean removal = SafetyHeuristics.signalsRemoval(id)
						|| tags.stream().anyMatch(SafetyHeuristics::signalsRemoval)
						|| datasets.stream().anyMatch(SafetyHeuristics::signalsRemoval);
				parsed.add(new Parsed(number, id, parents(tags, card), removal));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.writer.organizations(organizations.newOrganizations(), new ImportReport("organizations"));
		this.writer.models(models, report, progress);

		var guard = this.writer.cycleGuard();
		Set<String> endpoints = new HashSet<>();
		List<GraphWriter.DerivationRow> derivations = new ArrayList<>();
		for (Parsed p : parsed) {
			long mergeParents = p.parents().stream().filter(x -> x.relation() == Relation.MERGE).count();
			for (Parent parent : p.parents()) {
				var cycle = guard.accept(p.id(), parent.id());
				if (cycle != null) {
					report.cycle(file + ":" + p.line() + ": " + String.join(" -> ", cycle));
					continue;
				}
				endpoints.add(parent.id());
				Map<String, Object> props = new HashMap<>();
				props.put("relation", parent.relation().name());
				props.put("source", parent.source());
				props.put("confidence", parent.confidence());
				// A Hub merge that names a single parent is kept, flagged as incomplete.
				props.put("incomplete", parent.relation() == Relation.MERGE && mergeParents < 2);
				if (p.signalsRemoval() && !SafetyHeuristics.signalsRemoval(parent.id())) {
					props.put("safetyEffect", "REMOVED");
					props.put("safetySource", SafetyHeuristics.SOURCE);
					props.put("safetyConfidence", SafetyHeuristics.CONFIDENCE);
				}
				derivations.add(new GraphWriter.DerivationRow(p.id(), parent.id(), props));
			}
		}
		this.writer.placeholdersFor(endpoints, report, progress);
		this.writer.derivations(derivations, guard, report, progress);
		this.writer.trainedOn(trainedOn, report);
		return report;
	}

	/** Tag parents keep the Hub's relation; further card parents are card claims. */
	private List<Parent> parents(List<String> tags, JsonNode card) {
		Map<String, Parent> parents = new LinkedHashMap<>();
		for (String tag : tags) {
			String[] parts = tag.split(":", 3);
			if (parts.length == 3 && parts[0].equals("base_model")) {
				Relation relation = Relation.fromSource(parts[1]);
				String id = HuggingFaceCsvImporter.normalise(parts[2]);
				parents.put(id, new Parent(id, relation == null ? Relation.OTHER : relation, "hf:tag",
						HuggingFaceCsvImporter.HUB_CONFIDENCE));
			}
		}
		if (card != null) {
			List<String> cardParents = strings(card.path("base_model")).stream()
				.map(HuggingFaceCsvImporter::normalise)
				.toList();
			Relation declared = card.path("base_model_relation").isString()
					? Relation.fromSource(card.path("base_model_relation").asString()) : null;
			Relation relation = declared != null ? declared
					: cardParents.size() > 1 ? Relation.MERGE : Relation.FINETUNE;
			for (String id : cardParents) {
				parents.putIfAbsent(id, new Parent(id, relation, "hf:card", CARD_CONFIDENCE));
			}
		}
		return new ArrayList<>(parents.values());
	}

	/**
	 * {@code card_data} as YAML text, or {@code cardData} as an object (or as text, as
	 * some dumps have it).
	 */
	private JsonNode card(JsonNode model, String file, long line, ImportReport report) {
		for (String field : List.of("card_data", "cardData")) {
			JsonNode value = model.path(field);
			if (value.isObject()) {
				return value;
			}
			if (value.isString() && !value.asString().isBlank()) {
				try {
					JsonNode card = this.yaml.readTree(value.asString());
					return card.isObject() ? card : null;
				}
				catch (JacksonException ex) {
					report.conflict(file + ":" + line + ": model card YAML unreadable; card facts skipped ("
							+ ex.getOriginalMessage() + ")");
					return null;
				}
			}
		}
		return null;
	}

	private static String licenseTag(JsonNode model) {
		return strings(model.path("tags")).stream()
			.filter(t -> t.startsWith("license:"))
			.map(t -> t.substring(8))
			.findFirst()
			.orElse(null);
	}

	private static String text(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.path(field);
			if (value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() && value.asLong() >= 0 ? value.asLong() : null;
	}

	/** A string or a list of strings. */
	private static List<String> strings(JsonNode value) {
		if (value.isString()) {
			return value.asString().isBlank() ? List.of() : List.of(value.asString().strip());
		}
		List<String> out = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(v -> {
				if (v.isString() && !v.asString().isBlank()) {
					out.add(v.asString().strip());
				}
			});
		}
		return out;
	}

}
