package dev.pedigree.interchange;

import java.util.ArrayList;
import java.util.List;

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

	private final List<AssetFacts> assets = new ArrayList<>();

	private final List<AssetLinkFacts> assetEdges = new ArrayList<>();

	private final List<TrainingSetFacts> trainedOn = new ArrayList<>();

	private final List<LinkFacts> links = new ArrayList<>();

	private final List<RevenueFacts> revenues = new ArrayList<>();

	private final List<LicenseFacts> licenses = new ArrayList<>();

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

	/** A dataset or application, or a restored node of another label. */
	public FactBatch asset(AssetFacts asset) {
		this.assets.add(asset);
		return this;
	}

	/** A typed link between assets. */
	public FactBatch assetEdge(AssetLinkFacts edge) {
		this.assetEdges.add(edge);
		return this;
	}

	/** A training set of a model. */
	public FactBatch trainedOn(String model, String dataset, String source) {
		this.trainedOn.add(new TrainingSetFacts(model, dataset, source));
		return this;
	}

	/** A restored relationship. */
	public FactBatch link(LinkFacts link) {
		this.links.add(link);
		return this;
	}

	/** A revenue figure. */
	public FactBatch revenue(RevenueFacts revenue) {
		this.revenues.add(revenue);
		return this;
	}

	/** A licence of the catalogue. */
	public FactBatch license(LicenseFacts license) {
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

	List<AssetFacts> assets() {
		return this.assets;
	}

	List<AssetLinkFacts> assetEdges() {
		return this.assetEdges;
	}

	List<TrainingSetFacts> trainedOn() {
		return this.trainedOn;
	}

	List<LinkFacts> links() {
		return this.links;
	}

	List<RevenueFacts> revenues() {
		return this.revenues;
	}

	List<LicenseFacts> licenses() {
		return this.licenses;
	}

}
