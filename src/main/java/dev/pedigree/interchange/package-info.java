/**
 * Other sources' formats in and out: importers (Hugging Face, Epoch AI, Ecosystem Graphs,
 * CycloneDX, backups), exporters and the seed. Uses lineage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interchange",
		allowedDependencies = { "common", "storage", "lineage" })
package dev.pedigree.interchange;
