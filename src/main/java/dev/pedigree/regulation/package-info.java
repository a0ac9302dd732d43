/**
 * Rule sets as data (EU AI Act, California SB 53) and their evaluation: a party's role,
 * reasons, figures and duties. Uses lineage only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation", allowedDependencies = { "lineage" })
package dev.pedigree.regulation;
