package dev.pedigree.interchange;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.pedigree.lineage.LineageWrites.ModelAliases;
import dev.pedigree.lineage.OrganizationDirectory;

/**
 * What a parser may know of the graph while it reads: names resolve to the ids already
 * stored. Read-only.
 */
public interface ParseContext {

	/** The organisations known now; names it does not know become new organisations. */
	OrganizationDirectory organizations();

	/** Every model that has aliases, with them. */
	List<ModelAliases> modelAliases();

	/** The ids among {@code ids} that name a stored model. */
	Set<String> existingModelIds(Collection<String> ids);

}
