package dev.pedigree.lineage;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a source says about one model: the only shape in which a model reaches the graph
 * ({@link LineageWrites} writes it). Every component but the control ones ({@code id},
 * {@code aliases}, {@code developerId}, {@code source}, {@code placeholder},
 * {@code explanations}, {@code restored}) is stored as the {@code Model} property of the
 * same name when it is not null (a null never erases a known fact), so a new property is
 * one component here (and its one-line setter in {@link Builder}), the component of
 * {@link ModelView} and the schema field that read it, and nothing else.
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
 * @param releaseDateSource where {@code releaseDate} comes from ({@link DateSources})
 */
public record ModelFacts(String id, List<String> aliases, String developerId, String source, boolean placeholder,
		String name, String releaseDate, Double parameters, Double trainingComputeFlop, String access,
		String accessDetail, String license, String licenseName, String pipelineTag, String libraryName, Long downloads,
		Long likes, String modality, String task, Boolean generative, String size, String sourceUrl, String epochUrl,
		String epochCredit, String computeConfidence, Boolean frontierModel, String identityNote, List<String> tags,
		String parametersSource, Boolean parametersEstimated, String trainingComputeSource,
		Boolean trainingComputeEstimated, String releaseDateSource, Map<String, String> explanations,
		Map<String, Object> restored) {

	/** The components that are not stored as properties of their own name. */
	private static final Set<String> CONTROL = Set.of("id", "aliases", "developerId", "source", "placeholder",
			"explanations", "restored");

	private static final RecordShape<ModelFacts> SHAPE = RecordShape.of(ModelFacts.class);

	/** The positions of the stored components. */
	private static final int[] PROPERTIES = SHAPE.indexesExcept(CONTROL);

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
		for (int property : PROPERTIES) {
			Object value = SHAPE.get(this, property);
			if (value != null) {
				props.put(SHAPE.name(property), value);
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

	/**
	 * Sets the facts a source gives; everything left unset is unknown. It holds the
	 * constructor's arguments by component, so a new component needs only its setter
	 * here.
	 */
	public static final class Builder {

		/** The constructor's arguments, in component order. */
		private final Object[] values;

		private Builder(String id) {
			this.values = SHAPE.blank();
			set("id", id);
		}

		private Builder(ModelFacts facts) {
			this.values = SHAPE.values(facts);
		}

		public Builder aliases(List<String> aliases) {
			return set("aliases", aliases);
		}

		public Builder developerId(String developerId) {
			return set("developerId", developerId);
		}

		public Builder source(String source) {
			return set("source", source);
		}

		public Builder placeholder(boolean placeholder) {
			return set("placeholder", placeholder);
		}

		public Builder name(String name) {
			return set("name", name);
		}

		/**
		 * A release date and where it comes from ({@link DateSources}); nothing when
		 * {@code releaseDate} is null.
		 */
		public Builder releaseDate(String releaseDate, String source) {
			return set("releaseDate", releaseDate).set("releaseDateSource", releaseDate == null ? null : source);
		}

		public Builder parameters(Double parameters) {
			return set("parameters", parameters);
		}

		public Builder trainingComputeFlop(Double trainingComputeFlop) {
			return set("trainingComputeFlop", trainingComputeFlop);
		}

		public Builder access(String access) {
			return set("access", access);
		}

		public Builder accessDetail(String accessDetail) {
			return set("accessDetail", accessDetail);
		}

		/**
		 * A licence id as the catalogue keys it: lower case (SPDX ids match in any case;
		 * the Hub writes them in lower case, a curator or an SBOM may not).
		 */
		public Builder license(String license) {
			return set("license", license == null ? null : license.strip().toLowerCase(java.util.Locale.ROOT));
		}

		public Builder licenseName(String licenseName) {
			return set("licenseName", licenseName);
		}

		public Builder pipelineTag(String pipelineTag) {
			return set("pipelineTag", pipelineTag);
		}

		public Builder libraryName(String libraryName) {
			return set("libraryName", libraryName);
		}

		public Builder downloads(Long downloads) {
			return set("downloads", downloads);
		}

		public Builder likes(Long likes) {
			return set("likes", likes);
		}

		public Builder modality(String modality) {
			return set("modality", modality);
		}

		public Builder task(String task) {
			return set("task", task);
		}

		public Builder generative(Boolean generative) {
			return set("generative", generative);
		}

		public Builder size(String size) {
			return set("size", size);
		}

		public Builder sourceUrl(String sourceUrl) {
			return set("sourceUrl", sourceUrl);
		}

		public Builder epochUrl(String epochUrl) {
			return set("epochUrl", epochUrl);
		}

		public Builder epochCredit(String epochCredit) {
			return set("epochCredit", epochCredit);
		}

		public Builder computeConfidence(String computeConfidence) {
			return set("computeConfidence", computeConfidence);
		}

		public Builder frontierModel(Boolean frontierModel) {
			return set("frontierModel", frontierModel);
		}

		public Builder identityNote(String identityNote) {
			return set("identityNote", identityNote);
		}

		/** The Hub's tags, as given (an empty list is left unset). */
		public Builder tags(List<String> tags) {
			return set("tags", tags == null || tags.isEmpty() ? null : List.copyOf(tags));
		}

		/**
		 * A parameter count and where it comes from ({@link SourcedFigure}); nothing when
		 * {@code parameters} is null.
		 */
		public Builder parameters(Double parameters, String source, boolean estimated) {
			return set("parameters", parameters).set("parametersSource", parameters == null ? null : source)
				.set("parametersEstimated", parameters == null ? null : estimated);
		}

		/**
		 * Training compute and where it comes from; nothing when {@code flop} is null.
		 */
		public Builder trainingComputeFlop(Double flop, String source, boolean estimated) {
			return set("trainingComputeFlop", flop).set("trainingComputeSource", flop == null ? null : source)
				.set("trainingComputeEstimated", flop == null ? null : estimated);
		}

		public Builder explanations(Map<String, String> explanations) {
			return set("explanations", explanations);
		}

		public Builder restored(Map<String, Object> restored) {
			return set("restored", restored);
		}

		public ModelFacts build() {
			return SHAPE.create(this.values.clone());
		}

		private Builder set(String component, Object value) {
			int index = SHAPE.index(component);
			this.values[index] = SHAPE.checked(index, value);
			return this;
		}

	}

}
