package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.SelectedField;

/**
 * What a planned statement returns of the model asked for ({@code root}), of the models
 * it lists (ancestors, parents, a page of descendants) and of the derivations it lists
 * ({@code via}): the stored properties the request's selection reads there, the ids
 * always; and whether the selection reads the derivations at all ({@code readsVia}: a
 * lineage entry's {@code via}; a parent is always read through its derivation). Without
 * them, ancestors and descendants come from a cheaper traversal that finds each model's
 * least depth but not the path to it. A selection with a field whose resolver may read
 * any property of its object (another module's, or one added later) gets every property a
 * view reads. Returning whole nodes made the database read and encode every property of
 * every listed model, and the driver decode them (issue 12).
 */
record Projection(StoredProperties.Names root, StoredProperties.Names models, StoredProperties.Names via,
		boolean readsVia) {

	/**
	 * What a selection of lineage entries ({@code ancestors}, a page's {@code node})
	 * reads: {@code entries} are the fields selected on the entries.
	 */
	static Projection ofEntries(List<SelectedField> root, List<SelectedField> entries) {
		List<SelectedField> via = below(entries, "via");
		return new Projection(ofModel(root), ofModel(below(entries, "model")), ofDerivation(via),
				entries.stream().anyMatch(field -> field.getName().equals("via")));
	}

	/**
	 * What a selection of {@code parents} reads: {@code derivations} are the fields
	 * selected on the parents' derivations.
	 */
	static Projection ofParents(List<SelectedField> root, List<SelectedField> derivations) {
		return new Projection(ofModel(root), ofModel(below(derivations, "parent")), ofDerivation(derivations), true);
	}

	/**
	 * Model fields whose resolvers read only the model's id (the lineage fields, the
	 * model's history): the rest of what they answer comes from their own queries.
	 */
	private static final Set<String> MODEL_BY_ID = Set.of("__typename", "parents", "children", "childrenByRelation",
			"ancestors", "descendants", "foundations", "pointInTime", "trainedOn", "history", "retractedParents");

	/**
	 * Derivation fields read from its two ends' ids, which every statement returns beside
	 * the derivation.
	 */
	private static final Set<String> DERIVATION_BY_IDS = Set.of("__typename", "parent", "child", "history");

	/**
	 * The statement's parameters {@code rootProperties}, {@code modelProperties},
	 * {@code viaProperties}.
	 */
	void addTo(Map<String, Object> parameters) {
		parameters.put("rootProperties", this.root.list());
		parameters.put("modelProperties", this.models.list());
		parameters.put("viaProperties", this.via.list());
	}

	/** The stored properties of a model that the fields selected on it read. */
	static StoredProperties.Names ofModel(List<SelectedField> fields) {
		List<String> names = new ArrayList<>();
		names.add("id");
		for (SelectedField field : fields) {
			String name = field.getName();
			if (MODEL_BY_ID.contains(name)) {
				continue;
			}
			List<String> reads = name.equals("developer") ? List.of("developerId") : ModelView.reads(name);
			if (reads == null) {
				return ModelView.STORED;
			}
			names.addAll(reads);
		}
		return StoredProperties.Names.of(names);
	}

	/** The stored properties of a derivation that the fields selected on it read. */
	static StoredProperties.Names ofDerivation(List<SelectedField> fields) {
		List<String> names = new ArrayList<>();
		for (SelectedField field : fields) {
			String name = field.getName();
			if (DERIVATION_BY_IDS.contains(name)) {
				continue;
			}
			if (!Derivation.STORED.list().contains(name)) {
				return Derivation.STORED;
			}
			names.add(name);
		}
		return StoredProperties.Names.of(names);
	}

	/** The fields selected on every selection of {@code name} among {@code fields}. */
	static List<SelectedField> below(List<SelectedField> fields, String name) {
		List<SelectedField> below = new ArrayList<>();
		for (SelectedField field : fields) {
			if (field.getName().equals(name)) {
				below.addAll(field.getSelectionSet().getImmediateFields());
			}
		}
		return below;
	}

}
