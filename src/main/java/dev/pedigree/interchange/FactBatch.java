package dev.pedigree.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.LineageWrites.UnknownModels;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationFacts;

/**
 * What a parser read from one source, for {@link ImportPipeline} to write: the facts in
 * the order they are written (organisations, models, named placeholders, other nodes,
 * derivations, other relationships) and the per-record outcomes of reading (rejections,
 * conflicts, listed placeholders, skipped and input cycles) that go into the report.
 */
public final class FactBatch {

	private final ImportReport report;

	private final String file;

	private final List<OrganizationFacts> organizations = new ArrayList<>();

	private boolean organizationsCounted;

	private final List<ModelFacts> models = new ArrayList<>();

	private final List<ModelFacts> placeholders = new ArrayList<>();

	private final List<DerivationFacts> derivations = new ArrayList<>();

	private UnknownModels unknownModels = UnknownModels.PLACEHOLDER;

	private final List<Map<String, Object>> assets = new ArrayList<>();

	private final List<Map<String, Object>> assetEdges = new ArrayList<>();

	private final List<Map<String, Object>> trainedOn = new ArrayList<>();

	private final List<Map<String, Object>> links = new ArrayList<>();

	private final List<Map<String, Object>> revenues = new ArrayList<>();

	private final List<Map<String, Object>> licenses = new ArrayList<>();

	public FactBatch(String format, String file) {
		this.report = new ImportReport(format);
		this.file = file;
	}

	/** Organisations the source names (not counted as records of the import). */
	public FactBatch organizations(List<OrganizationFacts> organizations) {
		this.organizations.addAll(organizations);
		return this;
	}

	/** Organisations that are records of the import (a backup, the curated list). */
	public FactBatch countedOrganizations(List<OrganizationFacts> organizations) {
		this.organizationsCounted = true;
		return organizations(organizations);
	}

	public FactBatch model(ModelFacts model) {
		this.models.add(model);
		return this;
	}

	/**
	 * A model the source only names, with what it says about it (listed, not counted).
	 */
	public FactBatch placeholder(ModelFacts placeholder, String listed) {
		this.placeholders.add(placeholder);
		this.report.placeholder(listed);
		return this;
	}

	public FactBatch derivation(DerivationFacts derivation) {
		this.derivations.add(derivation);
		return this;
	}

	/**
	 * Derivations naming a model nobody described are left out and rejected (a backup is
	 * self-contained), instead of creating a placeholder.
	 */
	public FactBatch rejectUnknownModels() {
		this.unknownModels = UnknownModels.REJECT;
		return this;
	}

	/** A dataset or application: {@code label}, {@code id}, {@code props}. */
	public FactBatch asset(Map<String, Object> asset) {
		this.assets.add(asset);
		return this;
	}

	/**
	 * A typed link between assets ({@code from}, {@code to}, {@code type} from code,
	 * {@code props}).
	 */
	public FactBatch assetEdge(Map<String, Object> edge) {
		this.assetEdges.add(edge);
		return this;
	}

	/** A training set of a model ({@code model}, {@code dataset}, {@code source}). */
	public FactBatch trainedOn(String model, String dataset, String source) {
		this.trainedOn.add(Map.of("model", model, "dataset", dataset, "source", source));
		return this;
	}

	/**
	 * A restored relationship ({@code type}, {@code fromLabel}, {@code from},
	 * {@code toLabel}, {@code to}, {@code props}).
	 */
	public FactBatch link(Map<String, Object> link) {
		this.links.add(link);
		return this;
	}

	/** A revenue figure ({@code id}, {@code organizationId}, {@code props}). */
	public FactBatch revenue(Map<String, Object> revenue) {
		this.revenues.add(revenue);
		return this;
	}

	/** A licence of the catalogue ({@code id}, {@code props}). */
	public FactBatch license(Map<String, Object> license) {
		this.licenses.add(license);
		return this;
	}

	public void reject(String file, long record, String reason) {
		this.report.reject(file, record, reason);
	}

	public void conflict(String description) {
		this.report.conflict(description);
	}

	/** An edge the parser skipped because it would close a cycle of the input. */
	public void cycle(String path) {
		this.report.cycle(path);
	}

	/** A cycle the source itself contains. */
	public void inputCycle(String path) {
		this.report.inputCycle(path);
	}

	ImportReport report() {
		return this.report;
	}

	String file() {
		return this.file;
	}

	List<OrganizationFacts> organizations() {
		return this.organizations;
	}

	boolean organizationsCounted() {
		return this.organizationsCounted;
	}

	List<ModelFacts> models() {
		return this.models;
	}

	List<ModelFacts> placeholders() {
		return this.placeholders;
	}

	List<DerivationFacts> derivations() {
		return this.derivations;
	}

	UnknownModels unknownModels() {
		return this.unknownModels;
	}

	List<Map<String, Object>> assets() {
		return this.assets;
	}

	List<Map<String, Object>> assetEdges() {
		return this.assetEdges;
	}

	List<Map<String, Object>> trainedOn() {
		return this.trainedOn;
	}

	List<Map<String, Object>> links() {
		return this.links;
	}

	List<Map<String, Object>> revenues() {
		return this.revenues;
	}

	List<Map<String, Object>> licenses() {
		return this.licenses;
	}

}
