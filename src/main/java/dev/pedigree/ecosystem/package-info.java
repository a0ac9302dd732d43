/**
 * Family statistics of a root's downstream ecosystem: growth, relation mix, licence
 * drift, safety reach, organisation rankings, and the explorer page. Uses lineage only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ecosystem",
		allowedDependencies = { "common", "storage", "lineage" })
package dev.pedigree.ecosystem;
