package dev.pedigree.interchange.ecosystemgraphs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.pedigree.interchange.AssetFacts;
import dev.pedigree.interchange.AssetLinkFacts;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DateSources;
import dev.pedigree.lineage.CycleGuard;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationDirectory;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.Slugs;

import org.springframework.stereotype.Component;

/**
 * Stanford CRFM Ecosystem Graphs ({@code assets/*.yaml}, or one file): models, datasets
 * and applications with the names of the assets they depend on. Names are resolved case-,
 * space- and hyphen-insensitively; unresolved names become placeholders (listed); a
 * {@code {value, explanation}} field keeps its explanation as provenance; edges that
 * would close a cycle are skipped and listed.
 */
@Component
class EcosystemGraphs implements FormatParser {

	static final String SOURCE = "ecosystem-graphs";

	private static final double CONFIDENCE = 0.6;

	/**
	 * Spellings the asset files use for the same asset, beyond case, spaces and hyphens.
	 */
	private static final Map<String, String> VARIANTS = Map.of("gpt3", "gpt-3", "gpt35", "gpt-3.5", "chatgptapi",
			"chatgpt", "laion5b", "laion-5b", "thepile", "the pile");

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	private record Asset(String file, int index, String type, String name, String id, JsonNode node, String developer) {
	}

	@Override
	public ImportFormat format() {
		return ImportFormat.ECOSYSTEM_GRAPHS;
	}

	/**
	 * A folder of {@code *.yaml} files (as in the project's {@code assets/}) or one file.
	 */
	@Override
	public List<Path> files(Path path) {
		if (!Files.isDirectory(path)) {
			return List.of(path);
		}
		Path assets = Files.isDirectory(path.resolve("assets")) ? path.resolve("assets") : path;
		try (Stream<Path> listing = Files.list(assets)) {
			return listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		var batch = new FactBatch("ecosystem-graphs", inputs.isEmpty() ? "" : inputs.get(0).name());
		var organizations = context.organizations();
		Map<String, String> knownModels = new HashMap<>();
		for (var known : context.modelAliases()) {
			known.aliases().forEach(a -> knownModels.putIfAbsent(key(a), known.id()));
		}
		Map<String, Asset> byName = new HashMap<>();
		List<Asset> assets = new ArrayList<>();
		for (Input input : inputs) {
			JsonNode document = document(input, batch);
			for (int i = 0; document != null && i < document.size(); i++) {
				Asset asset = asset(input.name(), i + 1, document.get(i), byName, knownModels, organizations, batch);
				if (asset != null) {
					assets.add(asset);
					byName.put(key(asset.name()), asset);
				}
			}
		}
		batch.organizations(organizations.newOrganizations());
		assets.forEach(a -> facts(a, batch));
		dependencies(assets, byName, knownModels, batch);
		return batch;
	}

	/** A file's list of assets, or null (rejected) when it is not one. */
	private JsonNode document(Input input, FactBatch batch) {
		JsonNode document;
		try {
			var text = new java.io.StringWriter();
			input.reader().transferTo(text);
			document = this.yaml.readTree(text.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			batch.reject(input.name(), 0, "not readable YAML: " + ex.getOriginalMessage());
			return null;
		}
		if (!document.isArray()) {
			batch.reject(input.name(), 0, "expected a list of assets");
			return null;
		}
		return document;
	}

	/** One asset with its id, or null when it is rejected or a duplicate. */
	private static Asset asset(String file, int index, JsonNode node, Map<String, Asset> byName,
			Map<String, String> knownModels, OrganizationDirectory organizations, FactBatch batch) {
		String type = value(node, "type");
		String name = value(node, "name");
		if (name == null || type == null || !List.of("model", "dataset", "application").contains(type)) {
			batch.reject(file, index, "an asset needs a name and a type (model, dataset, application)");
			return null;
		}
		if (byName.containsKey(key(name))) {
			Asset first = byName.get(key(name));
			batch.conflict(file + ":" + index + ": duplicate asset name '" + name + "' (first in " + first.file() + ":"
					+ first.index() + " is kept)");
			return null;
		}
		String orgField = value(node, "organization");
		String developer = null;
		if (orgField != null) {
			for (String org : orgField.split(",")) {
				if (!org.isBlank()) {
					String id = organizations.resolve(org.strip(), null, value(node, "nationality"), SOURCE);
					developer = developer == null ? id : developer;
				}
			}
		}
		String slug = (developer == null ? "unknown" : developer) + "/" + Slugs.slug(name);
		String id = switch (type) {
			case "model" -> knownModels.getOrDefault(key(name), slug);
			case "dataset" -> "dataset/" + slug;
			default -> "application/" + slug;
		};
		return new Asset(file, index, type, name, id, node, developer);
	}

	/** The asset itself: a model, or a dataset or application node. */
	private static void facts(Asset a, FactBatch batch) {
		if (a.type().equals("model")) {
			batch.model(modelFacts(a));
			return;
		}
		Map<String, String> described = described(a.node());
		batch.asset(new AssetFacts(a.type().equals("dataset") ? AssetFacts.Label.DATASET : AssetFacts.Label.APPLICATION,
				a.id(), a.name(), a.developer(), date(value(a.node(), "created_date")), access(a.node()),
				described.get("accessDetail"), described.get("licenseName"), described.get("modality"),
				described.get("size"), described.get("sourceUrl"), explanations(a.node()), SOURCE, null));
	}

	private static ModelFacts modelFacts(Asset a) {
		Map<String, String> described = described(a.node());
		return ModelFacts.of(a.id())
			.name(a.name())
			.aliases(List.of(a.name()))
			.developerId(a.developer())
			.source(SOURCE)
			.releaseDate(date(value(a.node(), "created_date")), DateSources.ECOSYSTEM_GRAPHS)
			.accessDetail(described.get("accessDetail"))
			.licenseName(described.get("licenseName"))
			.modality(described.get("modality"))
			.size(described.get("size"))
			.sourceUrl(described.get("sourceUrl"))
			.access(access(a.node()))
			.explanations(explanations(a.node()))
			.build();
	}

	/**
	 * Every dependency as the relationship DESIGN.md §1 maps it to; unknown names become
	 * listed placeholders; an edge that would close a cycle of the input is skipped and
	 * listed, and every cycle of the input is listed once.
	 */
	private static void dependencies(List<Asset> assets, Map<String, Asset> byName, Map<String, String> knownModels,
			FactBatch batch) {
		var guard = new CycleGuard();
		Map<String, String> placeholderIds = new HashMap<>();
		Set<String> seenPairs = new HashSet<>();
		Map<String, List<String>> stated = new HashMap<>();
		for (Asset a : assets) {
			for (String dependency : dependencies(a.node())) {
				Asset target = resolve(dependency, byName);
				String targetId;
				String targetType;
				if (target != null) {
					targetId = target.id();
					targetType = target.type();
				}
				else if (knownModels.containsKey(key(dependency))) {
					targetId = knownModels.get(key(dependency));
					targetType = "model";
				}
				else {
					// Unknown asset: a placeholder model, listed, that a later import can
					// fill in.
					targetId = placeholderIds.computeIfAbsent(key(dependency), k -> {
						String id = "placeholder/" + Slugs.slug(dependency);
						batch.placeholder(ModelFacts.of(id)
							.name(dependency)
							.aliases(List.of(dependency))
							.placeholder(true)
							.build(), id + " (dependency '" + dependency + "' of " + a.name() + ")");
						return id;
					});
					targetType = "model";
				}
				// Two spellings of one dependency in one asset are one link (else the
				// note
				// would flip between runs).
				if (!seenPairs.add(a.id() + "\u0000" + targetId)) {
					continue;
				}
				stated.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(targetId);
				var cycle = guard.accept(a.id(), targetId);
				if (cycle != null) {
					batch.cycle(a.file() + ":" + a.index() + ": " + String.join(" -> ", cycle));
					continue;
				}
				link(a, targetId, targetType, dependency, batch);
			}
		}
		Cycles.find(stated).forEach(cycle -> batch.inputCycle(String.join(" -> ", cycle)));
	}

	private static void link(Asset a, String targetId, String targetType, String dependency, FactBatch batch) {
		String note = a.type() + " '" + a.name() + "' depends on " + targetType + " '" + dependency + "'";
		String relationship = relationship(a.type(), targetType);
		if (relationship.equals("DERIVED_FROM") && a.type().equals("model") && targetType.equals("model")) {
			batch.derivation(DerivationFacts.of(a.id(), targetId)
				.origin(a.file() + ":" + a.index())
				.relation(Relation.OTHER)
				.source(SOURCE)
				.confidence(CONFIDENCE)
				.note(note)
				.incomplete(false)
				.build());
			return;
		}
		batch.assetEdge(new AssetLinkFacts(a.id(), targetId, AssetLinkFacts.Type.valueOf(relationship), SOURCE,
				CONFIDENCE, note, relationship.equals("DERIVED_FROM") ? Relation.OTHER.name() : null));
	}

	/**
	 * DESIGN.md §1: the relationship a dependency becomes, by the types of the dependent
	 * and the dependency.
	 */
	static String relationship(String dependent, String dependency) {
		return switch (dependent) {
			case "application" -> "USES";
			case "model" -> dependency.equals("dataset") ? "TRAINED_ON" : "DERIVED_FROM";
			default ->
				dependency.equals("model") ? "GENERATED_BY" : dependency.equals("dataset") ? "DERIVED_FROM" : "USES";
		};
	}

	private static Asset resolve(String name, Map<String, Asset> byName) {
		Asset asset = byName.get(key(name));
		if (asset == null) {
			String variant = VARIANTS.get(key(name));
			asset = variant == null ? null : byName.get(key(variant));
		}
		return asset;
	}

	private static String key(String name) {
		return Slugs.aliasKey(name).replace(".", "");
	}

	private static List<String> dependencies(JsonNode node) {
		JsonNode value = node.path("dependencies");
		if (value.isObject()) {
			value = value.path("value");
		}
		List<String> names = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(v -> {
				String name = v.isObject() ? v.path("value").asString("") : v.asString("");
				if (!name.isBlank()) {
					names.add(name.strip());
				}
			});
		}
		return names;
	}

	/** Descriptive facts kept on the node, under Pedigree's property names. */
	private static Map<String, String> described(JsonNode node) {
		Map<String, String> props = new HashMap<>();
		for (String field : List.of("access", "license", "modality", "size", "url")) {
			String value = value(node, field);
			if (value != null && !value.isBlank()) {
				props.put(field.equals("url") ? "sourceUrl"
						: field.equals("access") ? "accessDetail" : field.equals("license") ? "licenseName" : field,
						value);
			}
		}
		return props;
	}

	/** For {@code {value, explanation}} fields, the explanation, kept as provenance. */
	private static Map<String, String> explanations(JsonNode node) {
		Map<String, String> explanations = new HashMap<>();
		for (String field : List.of("access", "license", "modality", "size", "url")) {
			JsonNode explanation = node.path(field).path("explanation");
			if (explanation.isString() && !explanation.asString().isBlank()) {
				explanations.put(field, explanation.asString());
			}
		}
		JsonNode dateExplanation = node.path("created_date").path("explanation");
		if (dateExplanation.isString()) {
			explanations.put("createdDate", dateExplanation.asString());
		}
		return explanations;
	}

	/** Ecosystem Graphs' access levels in Pedigree's terms (open, limited, closed). */
	private static String access(JsonNode node) {
		String access = value(node, "access");
		if (access == null) {
			return null;
		}
		String a = access.toLowerCase(Locale.ROOT);
		return a.equals("open") ? "OPEN_WEIGHTS" : a.equals("limited") ? "API" : a.equals("closed") ? "CLOSED" : null;
	}

	private static String value(JsonNode node, String field) {
		JsonNode v = node.path(field);
		if (v.isObject()) {
			v = v.path("value");
		}
		if (v.isString() || v.isNumber() || v.isBoolean()) {
			String text = v.asString().strip();
			return text.isEmpty() || text.equalsIgnoreCase("unknown") ? null : text;
		}
		return null;
	}

	/**
	 * Dates come as strings, YAML dates or objects; anything not a date is left out
	 * rather than guessed.
	 */
	private static String date(String value) {
		if (value == null) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value).toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}
