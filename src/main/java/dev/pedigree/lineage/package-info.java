/**
 * Models, organisations, datasets and the derivations between them: reads, traversals and
 * the curated writes. Every other domain module builds on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lineage", allowedDependencies = { "common", "storage" })
package dev.pedigree.lineage;
