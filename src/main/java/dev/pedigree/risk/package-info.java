/**
 * Liability: who upstream shares responsibility for a model, findings and incidents,
 * upstream exposure, accountability gaps and the citable reports. Uses lineage and
 * regulation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk",
		allowedDependencies = { "common", "storage", "lineage", "regulation" })
package dev.pedigree.risk;
