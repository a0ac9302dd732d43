package dev.pedigree.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.parsers.JsonParser;

import dev.pedigree.lineage.Relation;

/**
 * CycloneDX 1.6 ML-BOM through the official CycloneDX library. Every model is a
 * {@code machine-learning-model} component (bom-ref = model id); its direct parents are
 * listed in {@code pedigree.ancestors}, each with the relation as a property
 * ({@code pedigree:relation}: CycloneDX has no field for the kind of derivation) and the
 * rest of the derivation's facts; the same edges appear in {@code dependencies} for tools
 * that read only those.
 */
@org.springframework.stereotype.Component
class CycloneDx implements Exporters.FamilyWriter {

	static final String PREFIX = "pedigree:";

	static final String DATASET_REF = "dataset:";

	private final GraphWriter writer;

	CycloneDx(GraphWriter writer) {
		this.writer = writer;
	}

	@Override
	public ExportFormat format() {
		return ExportFormat.CYCLONEDX;
	}

	@Override
	public void write(Family family, OutputStream out) throws IOException {
		Map<String, List<Family.Edge>> parentsOf = new HashMap<>();
		family.derivations().forEach(e -> parentsOf.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e));
		Bom bom = new Bom();
		bom.setSerialNumber("urn:uuid:" + java.util.UUID.randomUUID());
		List<org.cyclonedx.model.Component> components = new ArrayList<>();
		org.cyclonedx.model.Component rootComponent = null;
		Map<String, Map<String, Object>> datasets = new java.util.TreeMap<>();
		for (Family.Member m : family.models()) {
			var component = model(m);
			List<Family.Edge> parents = parentsOf.getOrDefault(m.id(), List.of());
			if (!parents.isEmpty()) {
				var ancestors = new Ancestors();
				for (Family.Edge e : parents) {
					var ancestor = new org.cyclonedx.model.Component();
					ancestor.setType(org.cyclonedx.model.Component.Type.MACHINE_LEARNING_MODEL);
					ancestor.setName(e.parent());
					List<Property> properties = new ArrayList<>();
					properties.add(new Property(PREFIX + "ref", e.parent()));
					e.properties().forEach((k, v) -> {
						if (v != null) {
							properties.add(new Property(PREFIX + k, v.toString()));
						}
					});
					ancestor.setProperties(properties);
					ancestors.addComponent(ancestor);
				}
				var pedigree = new Pedigree();
				pedigree.setAncestors(ancestors);
				component.setPedigree(pedigree);
			}
			if (!m.datasets().isEmpty()) {
				component.setModelCard(modelCard(m.datasets()));
				for (Map<String, Object> dataset : m.datasets()) {
					datasets.putIfAbsent(String.valueOf(dataset.get("id")), dataset);
				}
			}
			if (m.id().equals(family.root())) {
				rootComponent = component;
			}
			else {
				components.add(component);
			}
		}
		datasets.values().forEach(d -> components.add(dataComponent(d)));
		var metadata = new Metadata();
		if (rootComponent != null) {
			metadata.setComponent(rootComponent);
		}
		bom.setMetadata(metadata);
		bom.setComponents(components);
		List<Dependency> dependencies = new ArrayList<>();
		for (Family.Member m : family.models()) {
			var dependency = new Dependency(m.id());
			parentsOf.getOrDefault(m.id(), List.of())
				.forEach(e -> dependency.addDependency(new Dependency(e.parent())));
			dependencies.add(dependency);
		}
		bom.setDependencies(dependencies);
		try {
			out.write(BomGeneratorFactory.createJson(Version.VERSION_16, bom)
				.toJsonString()
				.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneratorException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * Dataset components are referenced as {@code dataset:<id>}: a dataset may share its
	 * Hub id with a model.
	 */
	static String datasetRef(String id) {
		return DATASET_REF + id;
	}

	/**
	 * The model card lists the training sets by reference to {@code data} components of
	 * the same BOM.
	 */
	private static ModelCard modelCard(List<Map<String, Object>> datasets) {
		var parameters = new ModelParameters();
		List<DatasetChoice> choices = new ArrayList<>();
		for (Map<String, Object> dataset : datasets) {
			var choice = new DatasetChoice();
			choice.setRef(datasetRef(String.valueOf(dataset.get("id"))));
			choices.add(choice);
		}
		parameters.setDatasets(choices);
		var card = new ModelCard();
		card.setModelParameters(parameters);
		return card;
	}

	private static org.cyclonedx.model.Component dataComponent(Map<String, Object> dataset) {
		String id = String.valueOf(dataset.get("id"));
		String name = dataset.get("name") == null ? id : dataset.get("name").toString();
		var component = new org.cyclonedx.model.Component();
		component.setType(org.cyclonedx.model.Component.Type.DATA);
		component.setBomRef(datasetRef(id));
		component.setName(name);
		var data = new ComponentData();
		data.setType(ComponentData.ComponentDataType.DATASET);
		data.setName(name);
		component.setData(List.of(data));
		component.setProperties(List.of(new Property(PREFIX + "id", id)));
		return component;
	}

	private static org.cyclonedx.model.Component model(Family.Member m) {
		var component = new org.cyclonedx.model.Component();
		component.setType(org.cyclonedx.model.Component.Type.MACHINE_LEARNING_MODEL);
		component.setBomRef(m.id());
		component.setName(m.name());
		Object developer = m.properties().get("developerId");
		if (developer != null) {
			var supplier = new OrganizationalEntity();
			supplier.setName(developer.toString());
			component.setSupplier(supplier);
		}
		List<Property> properties = new ArrayList<>();
		properties.add(new Property(PREFIX + "id", m.id()));
		for (String key : List.of("downloads", "likes", "license", "releaseDate", "trainingComputeFlop", "parameters",
				"pipelineTag", "access", "placeholder")) {
			Object value = m.properties().get(key);
			if (value != null) {
				properties.add(new Property(PREFIX + key, value.toString()));
			}
		}
		component.setProperties(properties);
		return component;
	}

	/**
	 * Reads an ML-BOM written by Pedigree or by another tool that lists lineage in
	 * {@code pedigree.ancestors}.
	 */
	ImportReport importBom(Reader reader, String file, Progress progress) {
		var report = new ImportReport("cyclonedx");
		byte[] bytes;
		try {
			var text = new java.io.StringWriter();
			reader.transferTo(text);
			bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Bom bom;
		try {
			var problems = new JsonParser().validate(bytes, Version.VERSION_16);
			if (!problems.isEmpty()) {
				throw new Csv.MalformedFileException(
						file + ": not a valid CycloneDX 1.6 document: " + problems.get(0).getMessage());
			}
			bom = new JsonParser().parse(bytes);
		}
		catch (IOException | ParseException ex) {
			throw new Csv.MalformedFileException(file + ": not a readable CycloneDX JSON document: " + ex.getMessage());
		}
		List<org.cyclonedx.model.Component> all = new ArrayList<>();
		if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
			all.add(bom.getMetadata().getComponent());
		}
		if (bom.getComponents() != null) {
			all.addAll(bom.getComponents());
		}
		Map<String, String[]> dataComponents = new HashMap<>();
		for (var component : all) {
			if (component.getType() == org.cyclonedx.model.Component.Type.DATA && component.getBomRef() != null) {
				String id = properties(component).getOrDefault("id", component.getName());
				dataComponents.put(component.getBomRef(), new String[] { id, component.getName() });
			}
		}
		Map<String, GraphWriter.ModelRow> models = new LinkedHashMap<>();
		List<GraphWriter.DerivationRow> derivations = new ArrayList<>();
		Map<String, Map<String, Object>> datasets = new LinkedHashMap<>();
		List<Map<String, Object>> trainedOn = new ArrayList<>();
		long number = 0;
		for (var component : all) {
			number++;
			if (component.getType() != org.cyclonedx.model.Component.Type.MACHINE_LEARNING_MODEL) {
				continue;
			}
			Map<String, String> properties = properties(component);
			String id = properties.getOrDefault("id",
					component.getBomRef() != null ? component.getBomRef() : component.getName());
			if (id == null || id.isBlank()) {
				report.reject(file, number, "a machine-learning-model component needs a bom-ref or name");
				continue;
			}
			Map<String, Object> props = new HashMap<>();
			props.put("name", component.getName() == null ? id : component.getName());
			for (String key : List.of("license", "releaseDate", "pipelineTag", "access")) {
				props.put(key, properties.get(key));
			}
			try {
				for (String key : List.of("downloads", "likes")) {
					props.put(key, properties.containsKey(key) ? (long) Double.parseDouble(properties.get(key)) : null);
				}
				for (String key : List.of("trainingComputeFlop", "parameters")) {
					props.put(key, Csv.number(properties.get(key)));
				}
			}
			catch (NumberFormatException ex) {
				report.reject(file, number, id + ": " + ex.getMessage());
				continue;
			}
			List<String[]> trainingSets;
			try {
				trainingSets = trainingSets(component, dataComponents);
			}
			catch (IllegalArgumentException ex) {
				report.reject(file, number, id + ": " + ex.getMessage());
				continue;
			}
			for (String[] set : trainingSets) {
				datasets.putIfAbsent(set[0], Map.of("label", "Dataset", "id", set[0], "props",
						Map.of("name", set[1] == null ? set[0] : set[1])));
				trainedOn.add(Map.of("model", id, "dataset", set[0], "source", "cyclonedx"));
			}
			String developer = component.getSupplier() == null ? null : component.getSupplier().getName();
			boolean placeholder = "true".equals(properties.get("placeholder"));
			models.put(id, new GraphWriter.ModelRow(id, props, List.of(), developer, placeholder ? null : "cyclonedx",
					placeholder));
			if (component.getPedigree() != null && component.getPedigree().getAncestors() != null
					&& component.getPedigree().getAncestors().getComponents() != null) {
				for (var ancestor : component.getPedigree().getAncestors().getComponents()) {
					Map<String, String> facts = properties(ancestor);
					String parent = facts.getOrDefault("ref",
							ancestor.getBomRef() != null ? ancestor.getBomRef() : ancestor.getName());
					Relation relation = Relation.fromSource(facts.getOrDefault("relation", "OTHER"));
					if (parent == null || relation == null) {
						report.reject(file, number, id + ": an ancestor without a name or with an unknown relation '"
								+ facts.get("relation") + "'");
						continue;
					}
					Map<String, Object> edge = new HashMap<>();
					edge.put("relation", relation.name());
					edge.put("source", facts.getOrDefault("source", "cyclonedx"));
					edge.put("confidence",
							facts.containsKey("confidence") ? Double.parseDouble(facts.get("confidence")) : null);
					edge.put("incomplete", "true".equals(facts.get("incomplete")));
					edge.put("computeFlop",
							facts.containsKey("computeFlop") ? Double.parseDouble(facts.get("computeFlop")) : null);
					edge.put("safetyEffect", facts.get("safetyEffect"));
					edge.put("capabilityEffect", facts.get("capabilityEffect"));
					derivations.add(new GraphWriter.DerivationRow(id, parent, edge));
				}
			}
		}
		// Developers named by the BOM may be new organisations.
		var organizations = new OrganizationDirectory(this.writer.query("interchange/all-organization-names"));
		List<GraphWriter.ModelRow> resolved = new ArrayList<>();
		for (var m : models.values()) {
			String developer = m.developerId() == null ? null
					: organizations.resolve(m.developerId(), "supplier", null, "cyclonedx");
			resolved
				.add(new GraphWriter.ModelRow(m.id(), m.props(), m.aliases(), developer, m.source(), m.placeholder()));
		}
		this.writer.organizations(organizations.newOrganizations(), new ImportReport("organizations"));
		this.writer.models(resolved, report, progress);
		var guard = this.writer.cycleGuard();
		Set<String> endpoints = new HashSet<>();
		List<GraphWriter.DerivationRow> accepted = new ArrayList<>();
		for (var d : derivations) {
			var cycle = guard.accept(d.child(), d.parent());
			if (cycle != null) {
				report.cycle(file + ": " + String.join(" -> ", cycle));
				continue;
			}
			endpoints.add(d.parent());
			accepted.add(d);
		}
		this.writer.placeholdersFor(endpoints, report, progress);
		this.writer.derivations(accepted, guard, report, progress);
		this.writer.assets(List.copyOf(datasets.values()), report);
		this.writer.trainedOn(trainedOn, report);
		return report;
	}

	/**
	 * The training sets of a model card: references to {@code data} components of the
	 * BOM, or inline data.
	 * @return {id, name} pairs
	 * @throws IllegalArgumentException for a reference that names no data component of
	 * the BOM
	 */
	private static List<String[]> trainingSets(org.cyclonedx.model.Component component,
			Map<String, String[]> dataComponents) {
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

	private static Map<String, String> properties(org.cyclonedx.model.Component component) {
		Map<String, String> values = new HashMap<>();
		if (component.getProperties() != null) {
			for (Property p : component.getProperties()) {
				if (p.getName() != null && p.getName().startsWith(PREFIX) && p.getValue() != null) {
					values.put(p.getName().substring(PREFIX.length()), p.getValue());
				}
			}
		}
		return values;
	}

}
