/**
 * The command line ({@code ./pedigree import|export|report|audit|scenario …}): parsing,
 * and running a command against the local store or a running service.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI", allowedDependencies = { "common" })
package dev.pedigree.cli;
