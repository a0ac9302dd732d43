package dev.pedigree.interchange.cyclonedx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
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

import dev.pedigree.interchange.ExportFormat;
import dev.pedigree.interchange.Exporters;
import dev.pedigree.interchange.Family;

/**
 * CycloneDX 1.6 ML-BOM export through the official CycloneDX library. Every model is a
 * {@code machine-learning-model} component (bom-ref = model id); its direct parents are
 * listed in {@code pedigree.ancestors}, each with the relation as a property
 * ({@code pedigree:relation}: CycloneDX has no field for the kind of derivation) and the
 * rest of the derivation's facts; the same edges appear in {@code dependencies} for tools
 * that read only those.
 */
@org.springframework.stereotype.Component
class CycloneDxWriter implements Exporters.FamilyWriter {

	static final String PREFIX = "pedigree:";

	static final String DATASET_REF = "dataset:";

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
		// By id, as the data components are: the same graph gives the same bytes.
		for (String id : datasets.stream().map(d -> String.valueOf(d.get("id"))).sorted().distinct().toList()) {
			var choice = new DatasetChoice();
			choice.setRef(datasetRef(id));
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
		// A figure's and a date's source go with them, so a re-import keeps their
		// standing.
		for (String key : List.of("downloads", "likes", "license", "releaseDate", "releaseDateSource",
				"trainingComputeFlop", "trainingComputeSource", "trainingComputeEstimated", "parameters",
				"parametersSource", "parametersEstimated", "computeConfidence", "pipelineTag", "access", "generative",
				"modality", "placeholder")) {
			Object value = m.properties().get(key);
			if (value != null) {
				properties.add(new Property(PREFIX + key, value.toString()));
			}
		}
		// Lists as one property per value (the tags carry safety signals; the aliases the
		// other sources' names).
		for (String list : List.of("tags", "aliases")) {
			if (m.properties().get(list) instanceof List<?> values) {
				values.forEach(v -> properties.add(new Property(PREFIX + list, String.valueOf(v))));
			}
		}
		component.setProperties(properties);
		return component;
	}

}
