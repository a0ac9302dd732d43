package dev.pedigree.lineage;

/**
 * Orders of a model's derivatives other than the contract's default (children by id,
 * descendants by depth then id): the Hub's model tree sorts by downloads, so a browsing
 * researcher sees the used derivatives first. Unknown values sort last, ties by id.
 */
public enum DerivativeOrder {

	DOWNLOADS, CREATED, ID, CHILDREN

}
