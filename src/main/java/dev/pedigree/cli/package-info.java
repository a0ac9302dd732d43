/**
 * The command line ({@code ./pedigree import|export|report|audit|scenario …}): parsing,
 * and running each command against the local store through the modules' public services,
 * or through a running service's HTTP API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI",
		allowedDependencies = { "common", "lineage", "interchange", "risk", "policy", "security" })
package dev.pedigree.cli;
