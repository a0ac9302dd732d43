/**
 * The policy lab: hypothetical rules (scenarios) as data, their coverage of the graph,
 * and downstream growth. Uses lineage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy",
		allowedDependencies = { "common", "storage", "lineage" })
package dev.pedigree.policy;
