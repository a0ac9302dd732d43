/**
 * The command line ({@code ./pedigree import|export|report|audit|scenario|token|help …}):
 * each command's arguments declared once ({@link dev.pedigree.cli.CommandSpec}, serving
 * its help and its checks before anything starts), and running each command against the
 * local store through the modules' public services, or through a running service's HTTP
 * API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI",
		allowedDependencies = { "common", "lineage", "interchange", "risk", "policy", "security" })
package dev.pedigree.cli;
