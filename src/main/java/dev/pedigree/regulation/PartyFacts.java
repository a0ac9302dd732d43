package dev.pedigree.regulation;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;

/**
 * What the rules need to know about one party: the model it made and its organisation;
 * the model's cumulative compute and the part of it the organisation itself spent along
 * its own chain of models ({@code ownCompute}, for SB 53); its licence; the
 * organisation's revenue figures; where its lifecycle began (the earliest model of the
 * same provider it descends from, for the dates of Art. 111(3): its date and the date's
 * source); a sourced systemic-risk designation if any; and each parent it was made from.
 */
public record PartyFacts(ModelView model, OrganizationView organization, Compute cumulativeCompute, Compute ownCompute,
		Licence licence, List<Revenue> revenues, ModelView lifecycleModel, String systemicRiskDesignation,
		List<ParentFacts> parents) {

	/** The id of the model the party's lifecycle began with (null: not known). */
	public String lifecycleOrigin() {
		return this.lifecycleModel == null ? null : this.lifecycleModel.id();
	}

	/**
	 * A parent of the party's model: its organisation, its cumulative compute, whether
	 * the same organisation made it, the derivation, and the compute the modification
	 * used.
	 */
	public record ParentFacts(ModelView parent, OrganizationView parentOrganization, Compute parentCompute,
			String parentSystemicRiskDesignation, Derivation derivation, boolean sameDeveloper,
			Compute modificationCompute) {
	}

	/** A licence as the curated licence table classifies it (null fields: unknown). */
	public record Licence(String id, String name, String openSourceExemption, String exemptionNote, String sourceUrl) {
	}

	/**
	 * Annual gross revenue of an organisation (affiliates included) for one fiscal year.
	 */
	public record Revenue(int fiscalYear, String periodEnd, double amountUsd, String source) {
	}

}
