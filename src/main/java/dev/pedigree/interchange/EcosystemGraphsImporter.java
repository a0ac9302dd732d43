package dev.pedigree.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.stereotype.Component;

/**
 * Stanford CRFM Ecosystem Graphs ({@code assets/*.yaml}, or one file): models, datasets
 * and applications with the names of the assets they depend on. Names are resolved case-,
 * space- and hyphen-insensitively; unresolved names become placeholders (listed); a
 * {@code {value, explanation}} field keeps its explanation as provenance; edges that
 * would close a cycle are skipped and listed.
 */
@Component
class EcosystemGraphsImporter {

	static final String SOURCE = "ecosystem-graphs";

	private static final double CONFIDENCE = 0.6;

	/**
	 * Spellings the asset files use for the same asset, beyond case, spaces and hyphens.
	 */
	private static final Map<String, String> VARIANTS = Map.of("gpt3", "gpt-3", "gpt35", "gpt-3.5", "chatgptapi",
			"chatgpt", "laion5b", "laion-5b", "thepile", "the pile");

	private final GraphWriter writer;

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	EcosystemGraphsImporter(GraphWriter writer) {
		this.writer = writer;
	}

	private record Asset(String file, int index, String type, String name, String id, JsonNode node, String developer) {
	}

	/**
	 * A folder of {@code *.yaml} files (as in the project's {@code assets/}) or one file.
	 */
	ImportReport importPath(Path path, Progress progress) {
		List<Path> files;
		if (Files.isDirectory(path)) {
			Path assets = Files.isDirectory(path.resolve("assets")) ? path.resolve("assets") : path;
			try (Stream<Path> listing = Files.list(assets)) {
				files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
					.sorted()
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else {
			files = List.of(path);
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (Path file : files) {
			try {
				texts.put(file.toString(), Files.readString(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return importTexts(texts, progress);
	}

	ImportReport importReader(Reader reader, String file, Progress progress) {
		try {
			var text = new java.io.StringWriter();
			reader.transferTo(text);
			return importTexts(Map.of(file, text.toString()), progress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ImportReport importTexts(Map<String, String> texts, Progress progress) {
		var report = new ImportReport("ecosystem-graphs");
		var organizations = new OrganizationDirectory(this.writer.query("interchange/all-organization-names"));
		Map<String, String> knownModels = new HashMap<>();
		for (var r : this.writer.query("interchange/model-aliases")) {
			r.get("aliases")
				.asList(v -> v.asString())
				.forEach(a -> knownModels.putIfAbsent(key(a), r.get("id").asString()));
		}
		List<Asset> assets = new ArrayList<>();
		Map<String, Asset> byName = new HashMap<>();
		for (var entry : texts.entrySet()) {
			JsonNode document;
			try {
				document = this.yaml.readTree(entry.getValue());
			}
			catch (JacksonException ex) {
				report.reject(entry.getKey(), 0, "not readable YAML: " + ex.getOriginalMessage());
				continue;
			}
			if (!document.isArray()) {
				report.reject(entry.getKey(), 0, "expected a list of assets");
				continue;
			}
			for (int i = 0; i < document.size(); i++) {
				JsonNode node = document.get(i);
				String type = value(node, "type");
				String name = value(node, "name");
				if (name == null || type == null || !List.of("model", "dataset", "application").contains(type)) {
					report.reject(entry.getKey(), i + 1,
							"an asset needs a name and a type (model, dataset, application)");
					continue;
				}
				if (byName.containsKey(key(name))) {
					Asset first = byName.get(key(name));
					report.conflict(entry.getKey() + ":" + (i + 1) + ": duplicate asset name '" + name + "' (first in "
							+ first.file() + ":" + first.index() + " is kept)");
					continue;
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
				Asset asset = new Asset(entry.getKey(), i + 1, type, name, id, node, developer);
				assets.add(asset);
				byName.put(key(name), asset);
			}
		}

		List<GraphWriter.ModelRow> models = new ArrayList<>();
		List<Map<String, Object>> others = new ArrayList<>();
		for (Asset a : assets) {
			Map<String, Object> props = facts(a.node());
			props.put("name", a.name());
			if (a.type().equals("model")) {
				props.put("releaseDate", date(value(a.node(), "created_date")));
				models.add(new GraphWriter.ModelRow(a.id(), props, List.of(a.name()), a.developer(), SOURCE, false));
			}
			else {
				props.put("organization", a.developer());
				props.put("createdDate", date(value(a.node(), "created_date")));
				props.put("sources", List.of(SOURCE));
				others.add(Map.of("label", a.type().equals("dataset") ? "Dataset" : "Application", "id", a.id(),
						"props", GraphWriter.withoutNulls(props)));
			}
		}

		var guard = this.writer.cycleGuard();
		List<GraphWriter.ModelRow> placeholders = new ArrayList<>();
		Map<String, String> placeholderIds = new HashMap<>();
		List<GraphWriter.DerivationRow> derivations = new ArrayList<>();
		List<Map<String, Object>> edges = new ArrayList<>();
		java.util.Set<String> seenPairs = new java.util.HashSet<>();
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
						Map<String, Object> props = new HashMap<>();
						props.put("name", dependency);
						placeholders.add(new GraphWriter.ModelRow(id, props, List.of(dependency), null, null, true));
						report.placeholder(id + " (dependency '" + dependency + "' of " + a.name() + ")");
						return id;
					});
					targetType = "model";
				}
				// Two spellings of one dependency in one asset are one link (else the
				// note would flip between runs).
				if (!seenPairs.add(a.id() + "\u0000" + targetId)) {
					continue;
				}
				stated.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(targetId);
				var cycle = guard.accept(a.id(), targetId);
				if (cycle != null) {
					report.cycle(a.file() + ":" + a.index() + ": " + String.join(" -> ", cycle));
					continue;
				}
				String note = a.type() + " '" + a.name() + "' depends on " + targetType + " '" + dependency + "'";
				Map<String, Object> props = new HashMap<>();
				props.put("source", SOURCE);
				props.put("confidence", CONFIDENCE);
				props.put("note", note);
				String relationship = relationship(a.type(), targetType);
				if (relationship.equals("DERIVED_FROM") && a.type().equals("model") && targetType.equals("model")) {
					props.put("relation", "OTHER");
					props.put("incomplete", false);
					derivations.add(new GraphWriter.DerivationRow(a.id(), targetId, props));
				}
				else {
					if (relationship.equals("DERIVED_FROM")) {
						props.put("relation", "OTHER");
					}
					edges.add(Map.of("from", a.id(), "to", targetId, "type", relationship, "props", props));
				}
			}
		}
		Cycles.find(stated).forEach(cycle -> report.inputCycle(String.join(" -> ", cycle)));
		this.writer.organizations(organizations.newOrganizations(), new ImportReport("organizations"));
		this.writer.models(models, report, progress);
		this.writer.models(placeholders, new ImportReport("placeholders"), progress);
		this.writer.assets(others, report);
		this.writer.derivations(derivations, guard, report, progress);
		this.writer.assetEdges(edges, report);
		return report;
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

	/**
	 * Facts kept on the node; for {@code {value, explanation}} fields the explanation is
	 * kept as provenance.
	 */
	private static Map<String, Object> facts(JsonNode node) {
		Map<String, Object> props = new HashMap<>();
		for (String field : List.of("access", "license", "modality", "size", "url")) {
			String value = value(node, field);
			if (value != null && !value.isBlank()) {
				props.put(field.equals("url") ? "sourceUrl"
						: field.equals("access") ? "accessDetail" : field.equals("license") ? "licenseName" : field,
						value);
			}
			JsonNode explanation = node.path(field).path("explanation");
			if (explanation.isString() && !explanation.asString().isBlank()) {
				props.put(field + "Explanation", explanation.asString());
			}
		}
		JsonNode dateExplanation = node.path("created_date").path("explanation");
		if (dateExplanation.isString()) {
			props.put("createdDateExplanation", dateExplanation.asString());
		}
		String access = value(node, "access");
		if (access != null) {
			String a = access.toLowerCase(Locale.ROOT);
			props.put("access", a.equals("open") ? "OPEN_WEIGHTS"
					: a.equals("limited") ? "API" : a.equals("closed") ? "CLOSED" : null);
		}
		return props;
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
