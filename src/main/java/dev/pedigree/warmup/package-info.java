/**
 * Start-up warm-up: canned GraphQL documents run against the service before it reports
 * ready, so the first users do not pay for cold code paths. Uses storage only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warm-up", allowedDependencies = { "storage" })
package dev.pedigree.warmup;
