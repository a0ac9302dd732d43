package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.RegulatoryRole;

/**
 * An organisation that made a model in the traced model's ancestry, and its role under
 * each rule set. {@code via}: the derivation through which this party's model reaches the
 * traced model; {@code madeFrom}: the derivations that produced the party's own model
 * (empty for a foundation), so the act each party performed sits on its own row.
 */
public record ResponsibleParty(OrganizationView organization, ModelView model, Derivation via, int depth,
		List<Derivation> madeFrom, List<RegulatoryRole> roles) {

	/** The derivation that produced the party's model (null for a foundation). */
	public Derivation madeBy() {
		return this.madeFrom.isEmpty() ? null : this.madeFrom.get(0);
	}

}
