package dev.pedigree.interchange.cyclonedx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.parsers.JsonParser;

import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.AssetFacts;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DateSources;
import dev.pedigree.lineage.CapabilityEffect;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationDirectory;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.SafetyEffect;

/**
 * Reads a CycloneDX 1.6 ML-BOM (validated against the official schema, {@link BomSchema})
 * written by Pedigree ({@link CycloneDxWriter}) or by another tool that lists lineage in
 * {@code pedigree.ancestors}: each {@code machine-learning-model} component is a model,
 * each ancestor a derivation with the facts of its {@code pedigree:} properties, and the
 * model card's datasets are training sets.
 */
@org.springframework.stereotype.Component
class CycloneDxParser implements FormatParser {

	/** The source of what a file states without naming one. */
	private static final String CYCLONEDX = DateSources.CYCLONEDX;

	@Override
	public ImportFormat format() {
		return ImportFormat.CYCLONEDX;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		Input input = inputs.get(0);
		String file = input.name();
		var batch = new FactBatch(CYCLONEDX, file);
		List<Component> all = components(bom(input));
		Map<String, String[]> dataComponents = new HashMap<>();
		for (var component : all) {
			if (component.getType() == Component.Type.DATA && component.getBomRef() != null) {
				String id = properties(component).getOrDefault("id", component.getName());
				dataComponents.put(component.getBomRef(), new String[] { id, component.getName() });
			}
		}
		var organizations = context.organizations();
		Map<String, ModelFacts> models = new LinkedHashMap<>();
		Map<String, AssetFacts> datasets = new LinkedHashMap<>();
		long number = 0;
		for (var component : all) {
			number++;
			if (component.getType() == Component.Type.MACHINE_LEARNING_MODEL) {
				model(component, file, number, dataComponents, organizations, models, datasets, batch);
			}
		}
		batch.organizations(organizations.newOrganizations());
		models.values().forEach(batch::model);
		datasets.values().forEach(batch::asset);
		return batch;
	}

	private static Bom bom(Input input) {
		byte[] bytes;
		try {
			var text = new java.io.StringWriter();
			input.reader().transferTo(text);
			bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			var problems = BomSchema.problems(bytes);
			if (!problems.isEmpty()) {
				throw new Csv.MalformedFileException(
						input.name() + ": not a valid CycloneDX 1.6 document: " + problems.get(0));
			}
			return new JsonParser().parse(bytes);
		}
		catch (IOException | ParseException ex) {
			throw new Csv.MalformedFileException(
					input.name() + ": not a readable CycloneDX JSON document: " + ex.getMessage());
		}
	}

	private static List<Component> components(Bom bom) {
		List<Component> all = new ArrayList<>();
		if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
			all.add(bom.getMetadata().getComponent());
		}
		if (bom.getComponents() != null) {
			all.addAll(bom.getComponents());
		}
		return all;
	}

	/** One model component: the model, its training sets and its ancestors. */
	private static void model(Component component, String file, long number, Map<String, String[]> dataComponents,
			OrganizationDirectory organizations, Map<String, ModelFacts> models, Map<String, AssetFacts> datasets,
			FactBatch batch) {
		Map<String, String> properties = properties(component);
		String id = properties.getOrDefault("id",
				component.getBomRef() != null ? component.getBomRef() : component.getName());
		if (id == null || id.isBlank()) {
			batch.reject(file, number, "a machine-learning-model component needs a bom-ref or name");
			return;
		}
		boolean placeholder = "true".equals(properties.get("placeholder"));
		var model = ModelFacts.of(id)
			.name(component.getName() == null ? id : component.getName())
			.license(properties.get("license"))
			.pipelineTag(properties.get("pipelineTag"))
			.access(properties.get("access"))
			.modality(properties.get("modality"))
			.computeConfidence(properties.get("computeConfidence"))
			.tags(repeated(component, "tags"))
			.aliases(repeated(component, "aliases"))
			.placeholder(placeholder)
			.source(placeholder ? null : CYCLONEDX);
		List<String[]> trainingSets;
		try {
			// A file's figures and dates keep the source it names where that is one of
			// the sources Pedigree imports; a curator's standing is never a file's to
			// claim (a 'manual' figure or date reads as the file's own).
			model.downloads(count(properties.get("downloads")))
				.likes(count(properties.get("likes")))
				.releaseDate(date(properties, "releaseDate"), stated(properties, "releaseDateSource", DATE_SOURCES))
				.generative(bool(properties, "generative"))
				.trainingComputeFlop(Csv.number(properties.get("trainingComputeFlop")),
						stated(properties, "trainingComputeSource", FIGURE_SOURCES),
						Boolean.TRUE.equals(bool(properties, "trainingComputeEstimated")))
				.parameters(Csv.number(properties.get("parameters")),
						stated(properties, "parametersSource", FIGURE_SOURCES),
						Boolean.TRUE.equals(bool(properties, "parametersEstimated")));
			trainingSets = trainingSets(component, dataComponents);
		}
		catch (IllegalArgumentException ex) {
			batch.reject(file, number, id + ": " + ex.getMessage());
			return;
		}
		for (String[] set : trainingSets) {
			datasets.putIfAbsent(set[0],
					AssetFacts.named(AssetFacts.Label.DATASET, set[0], set[1] == null ? set[0] : set[1]));
			batch.trainedOn(id, set[0], CYCLONEDX);
		}
		// Developers named by the BOM may be new organisations.
		String supplier = component.getSupplier() == null ? null : component.getSupplier().getName();
		models.put(id,
				model
					.developerId(supplier == null ? null : organizations.resolve(supplier, "supplier", null, CYCLONEDX))
					.build());
		ancestors(component, id, file, number, batch);
	}

	private static void ancestors(Component component, String id, String file, long number, FactBatch batch) {
		if (component.getPedigree() == null || component.getPedigree().getAncestors() == null
				|| component.getPedigree().getAncestors().getComponents() == null) {
			return;
		}
		for (var ancestor : component.getPedigree().getAncestors().getComponents()) {
			Map<String, String> facts = properties(ancestor);
			String parent = facts.getOrDefault("ref",
					ancestor.getBomRef() != null ? ancestor.getBomRef() : ancestor.getName());
			Relation relation = Relation.fromSource(facts.getOrDefault("relation", "OTHER"));
			SafetyEffect safety;
			CapabilityEffect capability;
			try {
				safety = facts.containsKey("safetyEffect") ? SafetyEffect.valueOf(facts.get("safetyEffect")) : null;
				capability = facts.containsKey("capabilityEffect")
						? CapabilityEffect.valueOf(facts.get("capabilityEffect")) : null;
			}
			catch (IllegalArgumentException ex) {
				safety = null;
				capability = null;
				relation = null;
			}
			if (parent == null || relation == null) {
				batch.reject(file, number, id + ": an ancestor without a name or with an unknown relation '"
						+ facts.get("relation") + "' or effect");
				continue;
			}
			Double confidence;
			Double safetyConfidence;
			Double compute;
			Boolean incomplete;
			String date;
			try {
				confidence = share(facts, "confidence");
				safetyConfidence = share(facts, "safetyConfidence");
				compute = number(facts, "computeFlop");
				incomplete = bool(facts, "incomplete");
				date = date(facts, "date");
			}
			catch (IllegalArgumentException ex) {
				batch.reject(file, number, id + " <- " + parent + ": " + ex.getMessage());
				continue;
			}
			batch.derivation(DerivationFacts.of(id, parent)
				.origin(file)
				.relation(relation)
				.source(facts.getOrDefault("source", CYCLONEDX))
				.confidence(confidence)
				.incomplete(Boolean.TRUE.equals(incomplete))
				.computeFlop(compute)
				.safety(safety, safety == null ? null : facts.get("safetySource"),
						safety == null ? null : safetyConfidence)
				.capabilityEffect(capability)
				.date(date)
				.build());
		}
	}

	private static Long count(String value) {
		return value == null ? null : (long) Double.parseDouble(value);
	}

	/**
	 * The sources of a figure a file may name (anything else reads as the file's own).
	 */
	private static final java.util.Set<String> FIGURE_SOURCES = java.util.Set.of(
			dev.pedigree.lineage.SourcedFigure.SAFETENSORS, dev.pedigree.lineage.SourcedFigure.EPOCH,
			dev.pedigree.lineage.SourcedFigure.NAME);

	/** The sources of a date a file may name (anything else reads as the file's own). */
	private static final java.util.Set<String> DATE_SOURCES = java.util.Set.of(DateSources.EPOCH,
			DateSources.ECOSYSTEM_GRAPHS, DateSources.HUB_CREATED);

	private static String stated(Map<String, String> facts, String name, java.util.Set<String> known) {
		String value = facts.get(name);
		return value != null && known.contains(value) ? value : CYCLONEDX;
	}

	/** A property that must be {@code true} or {@code false} when present. */
	private static Boolean bool(Map<String, String> facts, String name) {
		String value = facts.get(name);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
		};
	}

	/** A finite number >= 0 when present. */
	private static Double number(Map<String, String> facts, String name) {
		try {
			return Csv.number(facts.get(name));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a finite number >= 0, was '" + facts.get(name) + "'");
		}
	}

	/** A number between 0 and 1 when present. */
	private static Double share(Map<String, String> facts, String name) {
		Double value = number(facts, name);
		if (value != null && value > 1) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, was '" + facts.get(name) + "'");
		}
		return value;
	}

	/** A calendar date (YYYY-MM-DD) when present. */
	private static String date(Map<String, String> facts, String name) {
		String value = facts.get(name);
		if (value == null) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(value).toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a calendar date (YYYY-MM-DD), was '" + value + "'");
		}
	}

	/**
	 * The training sets of a model card: references to {@code data} components of the
	 * BOM, or inline data.
	 * @return {id, name} pairs
	 * @throws IllegalArgumentException for a reference that names no data component of
	 * the BOM
	 */
	private static List<String[]> trainingSets(Component component, Map<String, String[]> dataComponents) {
		var card = component.getModelCard();
		if (card == null || card.getModelParameters() == null || card.getModelParameters().getDatasets() == null) {
			return List.of();
		}
		List<String[]> sets = new ArrayList<>();
		for (DatasetChoice choice : card.getModelParameters().getDatasets()) {
			if (choice.getRef() != null) {
				String[] data = dataComponents.get(choice.getRef());
				if (data == null) {
					throw new IllegalArgumentException("the model card's dataset reference '" + choice.getRef()
							+ "' names no data component of this BOM");
				}
				sets.add(data);
			}
			else if (choice.getComponentData() != null) {
				var inline = choice.getComponentData();
				String id = inline.getName() != null ? inline.getName() : inline.getBomRef();
				if (id != null) {
					sets.add(new String[] { id, inline.getName() });
				}
			}
		}
		return sets;
	}

	/** The values of a property the writer repeats once per value (tags, aliases). */
	private static List<String> repeated(Component component, String name) {
		List<String> values = new ArrayList<>();
		if (component.getProperties() != null) {
			for (Property p : component.getProperties()) {
				if ((CycloneDxWriter.PREFIX + name).equals(p.getName()) && p.getValue() != null) {
					values.add(p.getValue());
				}
			}
		}
		return values;
	}

	private static Map<String, String> properties(Component component) {
		Map<String, String> values = new HashMap<>();
		if (component.getProperties() != null) {
			for (Property p : component.getProperties()) {
				if (p.getName() != null && p.getName().startsWith(CycloneDxWriter.PREFIX) && p.getValue() != null) {
					values.put(p.getName().substring(CycloneDxWriter.PREFIX.length()), p.getValue());
				}
			}
		}
		return values;
	}

}
