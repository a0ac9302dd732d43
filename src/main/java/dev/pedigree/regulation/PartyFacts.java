package dev.pedigree.regulation;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;

/**
 * What the rules need to know about one party: the model it made, its organisation, the
 * model's cumulative compute (known or derived along the chain, else null) and each
 * parent it was made from.
 */
public record PartyFacts(ModelView model, OrganizationView organization, Double cumulativeComputeFlop,
		String computeBasis, List<ParentFacts> parents) {

	/**
	 * A parent of the party's model, the derivation from it, and whether the same
	 * organisation made it.
	 */
	public record ParentFacts(ModelView parent, Double parentCumulativeComputeFlop, Derivation derivation,
			boolean sameDeveloper) {
	}

}
