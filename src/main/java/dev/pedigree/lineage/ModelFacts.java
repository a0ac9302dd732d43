package dev.pedigree.lineage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a source says about one model: the only shape in which a model reaches the graph
 * ({@link LineageWrites} writes it). Every component between {@code name} and
 * {@code trainingComputeEstimated} is stored as the {@code Model} property of the same
 * name when it is not null (a null never erases a known fact), so a new property is one
 * component here (and its setter in {@link Builder}), the schema field that reads it, and
 * nothing else.
 *
 * @param id the model's id (DESIGN.md §1)
 * @param aliases other sources' names for the model, added to those it has
 * @param developerId the primary developer's organisation id (linked once: a model keeps
 * its first developer)
 * @param source the source that describes the model (added to its {@code sources})
 * @param placeholder a model only named, not described, by the source
 * @param explanations a source's explanation of a fact, by fact ({@code access} →
 * {@code accessExplanation}), as Ecosystem Graphs gives them
 * @param restored every property of a restored backup, verbatim (a backup may hold
 * properties of an earlier release)
 * @param tags the Hub's tags, as given
 * @param parametersSource where {@code parameters} comes from ({@link SourcedFigure})
 * @param trainingComputeSource where {@code trainingComputeFlop} comes from
 */
public record ModelFacts(String id, List<String> aliases, String developerId, String source, boolean placeholder,
		String name, String releaseDate, Double parameters, Double trainingComputeFlop, String access,
		String accessDetail, String license, String licenseName, String pipelineTag, String libraryName, Long downloads,
		Long likes, String modality, String task, Boolean generative, String size, String sourceUrl, String epochUrl,
		String epochCredit, String computeConfidence, Boolean frontierModel, String identityNote, List<String> tags,
		String parametersSource, Boolean parametersEstimated, String trainingComputeSource,
		Boolean trainingComputeEstimated, Map<String, String> explanations, Map<String, Object> restored) {

	/** The components that are not stored as properties of their own name. */
	private static final Set<String> CONTROL = Set.of("id", "aliases", "developerId", "source", "placeholder",
			"explanations", "restored");

	private static final List<Map.Entry<String, MethodHandle>> PROPERTIES = properties(ModelFacts.class, CONTROL);

	public ModelFacts {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		explanations = explanations == null ? Map.of() : Map.copyOf(explanations);
		restored = restored == null ? Map.of() : restored;
	}

	public static Builder of(String id) {
		return new Builder(id);
	}

	/** A model a source only names: a bare node that a later import fills in. */
	public static ModelFacts placeholder(String id) {
		return of(id).placeholder(true).build();
	}

	public Builder with() {
		return new Builder(this);
	}

	/** The stored properties this fact sets (never a null: a null would erase a fact). */
	public Map<String, Object> properties() {
		Map<String, Object> props = new HashMap<>();
		this.restored.forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		this.explanations.forEach((field, text) -> props.put(field + "Explanation", text));
		for (var property : PROPERTIES) {
			Object value = invoke(property.getValue(), this);
			if (value != null) {
				props.put(property.getKey(), value);
			}
		}
		return props;
	}

	/** The complete property map of a new node, as the upsert would leave it. */
	Map<String, Object> asNewNode() {
		Map<String, Object> node = properties();
		node.put("id", this.id);
		if (this.placeholder) {
			node.put("placeholder", true);
		}
		node.put("sources", union(node.get("sources"), this.source == null ? List.of() : List.of(this.source)));
		if (node.containsKey("aliases") || !this.aliases.isEmpty() || this.source != null) {
			// Imports always record an alias list (possibly empty), as the upsert does; a
			// restored backup keeps exactly what it had.
			node.put("aliases", union(node.get("aliases"), this.aliases));
		}
		if (this.developerId != null) {
			node.put("developerId", this.developerId);
		}
		Map<String, Object> row = new HashMap<>();
		row.put("props", node);
		row.put("developerId", this.developerId);
		return row;
	}

	/** A row of {@code upsert-models.cypher}. */
	Map<String, Object> asUpsert() {
		Map<String, Object> row = new HashMap<>();
		row.put("id", this.id);
		row.put("props", properties());
		row.put("aliases", this.aliases);
		row.put("developerId", this.developerId);
		row.put("source", this.source);
		row.put("placeholder", this.placeholder);
		return row;
	}

	private static List<Object> union(Object given, List<String> more) {
		var values = new LinkedHashSet<Object>(given instanceof List<?> list ? list : List.of());
		values.addAll(more);
		return List.copyOf(values);
	}

	/** Accessors of a record's stored components, by property name. */
	static List<Map.Entry<String, MethodHandle>> properties(Class<? extends Record> type, Set<String> control) {
		List<Map.Entry<String, MethodHandle>> handles = new ArrayList<>();
		try {
			for (RecordComponent component : type.getRecordComponents()) {
				if (!control.contains(component.getName())) {
					// Typed (Object)Object once, so that each call is an invokeExact
					// without
					// adaptation (an import calls it for every row).
					handles.add(Map.entry(component.getName(),
							MethodHandles.lookup()
								.unreflect(component.getAccessor())
								.asType(MethodType.methodType(Object.class, Object.class))));
				}
			}
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		return List.copyOf(handles);
	}

	static Object invoke(MethodHandle accessor, Object target) {
		try {
			return (Object) accessor.invokeExact(target);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sets the facts a source gives; everything left unset is unknown. */
	public static final class Builder {

		private final String id;

		private List<String> aliases = List.of();

		private String developerId;

		private String source;

		private boolean placeholder;

		private String name;

		private String releaseDate;

		private Double parameters;

		private Double trainingComputeFlop;

		private String access;

		private String accessDetail;

		private String license;

		private String licenseName;

		private String pipelineTag;

		private String libraryName;

		private Long downloads;

		private Long likes;

		private String modality;

		private String task;

		private Boolean generative;

		private String size;

		private String sourceUrl;

		private String epochUrl;

		private String epochCredit;

		private String computeConfidence;

		private Boolean frontierModel;

		private String identityNote;

		private List<String> tags;

		private String parametersSource;

		private Boolean parametersEstimated;

		private String trainingComputeSource;

		private Boolean trainingComputeEstimated;

		private Map<String, String> explanations = Map.of();

		private Map<String, Object> restored = Map.of();

		private Builder(String id) {
			this.id = id;
		}

		private Builder(ModelFacts f) {
			this(f.id);
			this.aliases = f.aliases;
			this.developerId = f.developerId;
			this.source = f.source;
			this.placeholder = f.placeholder;
			this.name = f.name;
			this.releaseDate = f.releaseDate;
			this.parameters = f.parameters;
			this.trainingComputeFlop = f.trainingComputeFlop;
			this.access = f.access;
			this.accessDetail = f.accessDetail;
			this.license = f.license;
			this.licenseName = f.licenseName;
			this.pipelineTag = f.pipelineTag;
			this.libraryName = f.libraryName;
			this.downloads = f.downloads;
			this.likes = f.likes;
			this.modality = f.modality;
			this.task = f.task;
			this.generative = f.generative;
			this.size = f.size;
			this.sourceUrl = f.sourceUrl;
			this.epochUrl = f.epochUrl;
			this.epochCredit = f.epochCredit;
			this.computeConfidence = f.computeConfidence;
			this.frontierModel = f.frontierModel;
			this.identityNote = f.identityNote;
			this.tags = f.tags;
			this.parametersSource = f.parametersSource;
			this.parametersEstimated = f.parametersEstimated;
			this.trainingComputeSource = f.trainingComputeSource;
			this.trainingComputeEstimated = f.trainingComputeEstimated;
			this.explanations = f.explanations;
			this.restored = f.restored;
		}

		public Builder aliases(List<String> aliases) {
			this.aliases = aliases;
			return this;
		}

		public Builder developerId(String developerId) {
			this.developerId = developerId;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder placeholder(boolean placeholder) {
			this.placeholder = placeholder;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder releaseDate(String releaseDate) {
			this.releaseDate = releaseDate;
			return this;
		}

		public Builder parameters(Double parameters) {
			this.parameters = parameters;
			return this;
		}

		public Builder trainingComputeFlop(Double trainingComputeFlop) {
			this.trainingComputeFlop = trainingComputeFlop;
			return this;
		}

		public Builder access(String access) {
			this.access = access;
			return this;
		}

		public Builder accessDetail(String accessDetail) {
			this.accessDetail = accessDetail;
			return this;
		}

		public Builder license(String license) {
			this.license = license;
			return this;
		}

		public Builder licenseName(String licenseName) {
			this.licenseName = licenseName;
			return this;
		}

		public Builder pipelineTag(String pipelineTag) {
			this.pipelineTag = pipelineTag;
			return this;
		}

		public Builder libraryName(String libraryName) {
			this.libraryName = libraryName;
			return this;
		}

		public Builder downloads(Long downloads) {
			this.downloads = downloads;
			return this;
		}

		public Builder likes(Long likes) {
			this.likes = likes;
			return this;
		}

		public Builder modality(String modality) {
			this.modality = modality;
			return this;
		}

		public Builder task(String task) {
			this.task = task;
			return this;
		}

		public Builder generative(Boolean generative) {
			this.generative = generative;
			return this;
		}

		public Builder size(String size) {
			this.size = size;
			return this;
		}

		public Builder sourceUrl(String sourceUrl) {
			this.sourceUrl = sourceUrl;
			return this;
		}

		public Builder epochUrl(String epochUrl) {
			this.epochUrl = epochUrl;
			return this;
		}

		public Builder epochCredit(String epochCredit) {
			this.epochCredit = epochCredit;
			return this;
		}

		public Builder computeConfidence(String computeConfidence) {
			this.computeConfidence = computeConfidence;
			return this;
		}

		public Builder frontierModel(Boolean frontierModel) {
			this.frontierModel = frontierModel;
			return this;
		}

		public Builder identityNote(String identityNote) {
			this.identityNote = identityNote;
			return this;
		}

		/** The Hub's tags, as given (an empty list is left unset). */
		public Builder tags(List<String> tags) {
			this.tags = tags == null || tags.isEmpty() ? null : List.copyOf(tags);
			return this;
		}

		/**
		 * A parameter count and where it comes from ({@link SourcedFigure}); nothing when
		 * {@code parameters} is null.
		 */
		public Builder parameters(Double parameters, String source, boolean estimated) {
			this.parameters = parameters;
			this.parametersSource = parameters == null ? null : source;
			this.parametersEstimated = parameters == null ? null : estimated;
			return this;
		}

		/**
		 * Training compute and where it comes from; nothing when {@code flop} is null.
		 */
		public Builder trainingComputeFlop(Double flop, String source, boolean estimated) {
			this.trainingComputeFlop = flop;
			this.trainingComputeSource = flop == null ? null : source;
			this.trainingComputeEstimated = flop == null ? null : estimated;
			return this;
		}

		public Builder explanations(Map<String, String> explanations) {
			this.explanations = explanations;
			return this;
		}

		public Builder restored(Map<String, Object> restored) {
			this.restored = restored;
			return this;
		}

		public ModelFacts build() {
			return new ModelFacts(this.id, this.aliases, this.developerId, this.source, this.placeholder, this.name,
					this.releaseDate, this.parameters, this.trainingComputeFlop, this.access, this.accessDetail,
					this.license, this.licenseName, this.pipelineTag, this.libraryName, this.downloads, this.likes,
					this.modality, this.task, this.generative, this.size, this.sourceUrl, this.epochUrl,
					this.epochCredit, this.computeConfidence, this.frontierModel, this.identityNote, this.tags,
					this.parametersSource, this.parametersEstimated, this.trainingComputeSource,
					this.trainingComputeEstimated, this.explanations, this.restored);
		}

	}

}
