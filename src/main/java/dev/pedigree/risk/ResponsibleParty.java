package dev.pedigree.risk;

import java.util.List;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.RegulatoryRole;

/**
 * An organisation that made a model in the traced model's ancestry, and its role under
 * each rule set.
 */
public record ResponsibleParty(OrganizationView organization, ModelView model, Derivation via, int depth,
		List<RegulatoryRole> roles) {
}
