package dev.pedigree.interchange.huggingface;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DateSources;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationDirectory;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.SourcedFigure;

import org.springframework.stereotype.Component;

/**
 * Hugging Face Hub model-info objects as JSON Lines, in both shapes the Hub produces:
 * {@code huggingface_hub}'s snake_case ({@code created_at}, {@code card_data} as YAML
 * text) and the HTTP API's camelCase ({@code createdAt}, {@code cardData} as an object,
 * {@code modelId}). Parents come from tags {@code base_model:<relation>:<id>} (the Hub's
 * inference, whose relation wins) and from the card's {@code base_model} (kept as card
 * claims); card {@code datasets} become TRAINED_ON; tags are stored, and the safety
 * signals they, the training sets and the id hold are read from the stored facts by
 * {@code lineage.SafetyChecks}.
 */
@Component
class HubModelInfo implements FormatParser {

	/**
	 * A parent only the model card names: the author's claim, below the Hub's own
	 * inference.
	 */
	static final double CARD_CONFIDENCE = 0.7;

	private final JsonMapper json;

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	HubModelInfo(JsonMapper json) {
		this.json = json;
	}

	private record Parent(String id, Relation relation, String source, double confidence) {
	}

	@Override
	public ImportFormat format() {
		return ImportFormat.HUGGINGFACE;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		Input input = inputs.get(0);
		var batch = new FactBatch("huggingface", input.name());
		var organizations = context.organizations();
		try (BufferedReader lines = new BufferedReader(input.reader())) {
			long number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (!line.isBlank()) {
					record(line, input.name(), number, batch, organizations);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return batch.organizations(organizations.newOrganizations());
	}

	/** One model-info object: the model, its training sets, its parents. */
	private void record(String line, String file, long number, FactBatch batch, OrganizationDirectory organizations) {
		String origin = file + ":" + number;
		JsonNode model;
		try {
			model = this.json.readTree(line);
		}
		catch (JacksonException ex) {
			batch.reject(file, number, "not a JSON object: " + ex.getOriginalMessage());
			return;
		}
		String id = text(model, "id", "modelId");
		if (id == null || !model.isObject()) {
			batch.reject(file, number, "a model-info object needs 'id' or 'modelId'");
			return;
		}
		id = HubIds.normalise(id);
		JsonNode card = card(model, origin, batch);
		var facts = ModelFacts.of(id).source(HubIds.SOURCE);
		Long downloads;
		Long likes;
		Double weights;
		try {
			facts.releaseDate(HubIds.date(text(model, "created_at", "createdAt")), DateSources.HUB_CREATED);
			downloads = number(model, "downloads");
			likes = number(model, "likes");
			weights = parameterCount(model.path("safetensors").path("total"));
		}
		catch (IllegalArgumentException ex) {
			batch.reject(file, number, id + ": " + ex.getMessage());
			return;
		}
		boolean gated = model.path("gated").isString() || model.path("gated").asBoolean(false);
		batch.model(facts.name(id)
			.downloads(downloads)
			.likes(likes)
			.pipelineTag(text(model, "pipeline_tag", "pipelineTag"))
			.libraryName(text(model, "library_name", "libraryName"))
			.license(card != null && card.path("license").isString() ? card.path("license").asString()
					: licenseTag(model))
			// Counted from the weights: it replaces an estimate from the name.
			.parameters(weights, SourcedFigure.SAFETENSORS, false)
			.tags(strings(model.path("tags")))
			.access(gated ? "GATED" : "OPEN_WEIGHTS")
			.sourceUrl("https://huggingface.co/" + id)
			.developerId(HubIds.developer(text(model, "author"), id, organizations))
			.build());
		List<String> tags = strings(model.path("tags"));
		List<String> datasets = card == null ? List.of() : strings(card.path("datasets"));
		for (String dataset : datasets) {
			batch.trainedOn(id, dataset, "hf:card");
		}
		List<Parent> parents = parents(tags, card);
		long mergeParents = parents.stream().filter(x -> x.relation() == Relation.MERGE).count();
		for (Parent parent : parents) {
			var derivation = DerivationFacts.of(id, parent.id())
				.origin(origin)
				.relation(parent.relation())
				.source(parent.source())
				.confidence(parent.confidence())
				// A Hub merge that names a single parent is kept, flagged as incomplete.
				.incomplete(parent.relation() == Relation.MERGE && mergeParents < 2);
			batch.derivation(derivation.build());
		}
	}

	/** Tag parents keep the Hub's relation; further card parents are card claims. */
	private List<Parent> parents(List<String> tags, JsonNode card) {
		Map<String, Parent> parents = new LinkedHashMap<>();
		for (String tag : tags) {
			String[] parts = tag.split(":", 3);
			if (parts.length == 3 && parts[0].equals("base_model")) {
				Relation relation = Relation.fromSource(parts[1]);
				String id = HubIds.normalise(parts[2]);
				parents.put(id,
						new Parent(id, relation == null ? Relation.OTHER : relation, "hf:tag", HubIds.HUB_CONFIDENCE));
			}
		}
		if (card != null) {
			List<String> cardParents = strings(card.path("base_model")).stream().map(HubIds::normalise).toList();
			Relation declared = card.path("base_model_relation").isString()
					? Relation.fromSource(card.path("base_model_relation").asString()) : null;
			// Several parents on a card that declares no relation read as a merge, unless
			// the Hub's tags say what the model is of one of them (a fine-tune, say):
			// then
			// the card's other parents are claims of a kind it does not declare.
			boolean taggedOtherwise = !parents.isEmpty()
					&& parents.values().stream().noneMatch(p -> p.relation() == Relation.MERGE);
			Relation relation = declared != null ? declared
					: cardParents.size() <= 1 ? Relation.FINETUNE : taggedOtherwise ? Relation.OTHER : Relation.MERGE;
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
	private JsonNode card(JsonNode model, String origin, FactBatch batch) {
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
					batch.conflict(origin + ": model card YAML unreadable; card facts skipped ("
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

	/**
	 * A count the Hub gives (downloads, likes): a whole number a long holds, else the
	 * record is rejected; a negative or missing one is left unknown. Reading 1e30 with
	 * {@code asLong} failed the whole batch (session 35's review).
	 */
	private static Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isNumber()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException(field + " must be a whole number below 2^63, was " + value);
		}
		return value.asLong() >= 0 ? value.asLong() : null;
	}

	/**
	 * The weights' parameter count: finite and non-negative, else the record is rejected.
	 */
	private static Double parameterCount(JsonNode total) {
		if (!total.isNumber()) {
			return null;
		}
		double count = total.asDouble();
		if (!Double.isFinite(count) || count < 0 || count == Double.MAX_VALUE) {
			throw new IllegalArgumentException("safetensors.total must be a finite number >= 0, was " + total);
		}
		return count;
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
