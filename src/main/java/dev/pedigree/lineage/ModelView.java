package dev.pedigree.lineage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * A model as clients see it: the properties of one {@code :Model} node, each component
 * read from the property of its name (so a new stored property is one component here).
 * Lineage is read separately, through Cypher, never as a mapped relationship collection
 * (that would load whole families).
 */
public record ModelView(String id, String name, List<String> aliases, String developerId, Double trainingComputeFlop,
		Double parameters, String releaseDate, String releaseDateSource, String access, String license,
		String pipelineTag, Long downloads, Long likes, String modality, Boolean generative, boolean placeholder,
		List<String> sources, String sourceUrl, String accessDetail, List<String> tags, SourcedFigure parameterCount,
		SourcedFigure trainingCompute) {

	/**
	 * The components that are not simply the stored property of the same name, each read
	 * by hand; every other component is read from its property by its type
	 * ({@link NodeMapping}).
	 */
	private static final Map<String, Function<StoredProperties, Object>> BY_HAND = Map.of(
			// A placeholder may have no name: it shows its id.
			"name", node -> string(node.get("name"), node.get("id").asString()),
			// Derived from several properties, with defaults for figures stored before
			// their provenance was kept.
			"parameterCount", ModelView::parameterCount, "trainingCompute", ModelView::trainingCompute,
			// A date stored before its source was kept reads as V0013 records it.
			"releaseDateSource", ModelView::releaseDateSource);

	/**
	 * The stored properties each component read by hand reads (a statement that returns
	 * only some properties must return these for it); every other component reads the
	 * property of its name.
	 */
	private static final Map<String, List<String>> READS_BY_HAND = Map.of("name", List.of("name", "id"),
			"parameterCount", List.of("parameters", "parametersSource", "parametersEstimated"), "trainingCompute",
			List.of("trainingComputeFlop", "computeConfidence", "trainingComputeSource", "trainingComputeEstimated"),
			"releaseDateSource", List.of("releaseDateSource", "releaseDate", "sources"));

	private static final NodeMapping<ModelView> MAPPING = NodeMapping.of(ModelView.class, BY_HAND);

	private static final List<String> COMPONENTS = Arrays.stream(ModelView.class.getRecordComponents())
		.map(java.lang.reflect.RecordComponent::getName)
		.toList();

	/** Every stored property a view reads, the id first: a whole model. */
	static final StoredProperties.Names STORED = StoredProperties.Names
		.of(Stream.concat(Stream.of("id"), COMPONENTS.stream().flatMap(c -> reads(c).stream())).toList());

	/**
	 * The stored properties the component {@code name} is read from; null when the view
	 * has no such component.
	 */
	static List<String> reads(String name) {
		if (!COMPONENTS.contains(name)) {
			return null;
		}
		return READS_BY_HAND.getOrDefault(name, List.of(name));
	}

	public static ModelView from(Node node) {
		return MAPPING.map(node::get);
	}

	/**
	 * A view of a model of which only the id is known: for a selection that reads nothing
	 * else of it.
	 */
	static ModelView ofId(String id) {
		Value stored = org.neo4j.driver.Values.value(id);
		return MAPPING.map(name -> name.equals("id") ? stored : org.neo4j.driver.Values.NULL);
	}

	/** A view of a model a statement returned only some properties of. */
	static ModelView from(StoredProperties properties) {
		return MAPPING.map(properties);
	}

	/**
	 * The parameter count with its provenance; a figure stored before provenance was kept
	 * says {@code unknown}.
	 */
	private static String releaseDateSource(StoredProperties node) {
		if (!node.get("releaseDateSource").isNull()) {
			return node.get("releaseDateSource").asString();
		}
		if (node.get("releaseDate").isNull()) {
			return null;
		}
		return DateSources.inferred(node.get("sources").isNull() ? List.of()
				: node.get("sources").asList(org.neo4j.driver.Value::asString));
	}

	private static SourcedFigure parameterCount(StoredProperties node) {
		Double value = number(node.get("parameters"));
		if (value == null) {
			return null;
		}
		return new SourcedFigure(value, string(node.get("parametersSource"), "unknown"),
				!node.get("parametersEstimated").isNull() && node.get("parametersEstimated").asBoolean());
	}

	/**
	 * Training compute with its provenance: Epoch AI's figures are its own estimates
	 * unless it rates them confident.
	 */
	private static SourcedFigure trainingCompute(StoredProperties node) {
		Double value = number(node.get("trainingComputeFlop"));
		if (value == null) {
			return null;
		}
		String confidence = string(node.get("computeConfidence"), null);
		String source = string(node.get("trainingComputeSource"), confidence != null ? SourcedFigure.EPOCH : "unknown");
		boolean estimated = !node.get("trainingComputeEstimated").isNull()
				? node.get("trainingComputeEstimated").asBoolean()
				: confidence != null && !"confident".equalsIgnoreCase(confidence);
		return new SourcedFigure(value, source, estimated);
	}

	static String string(Value value, String fallback) {
		return value.isNull() ? fallback : value.asString();
	}

	static Double number(Value value) {
		return value.isNull() ? null : value.asDouble();
	}

	static List<String> strings(Value value) {
		return value.isNull() ? List.of() : value.asList(Value::asString);
	}

}
