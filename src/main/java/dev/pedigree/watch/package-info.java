/**
 * Watchlists: watches on a model's or an organisation's downstream, the change log they
 * read, notifications (stored, pushed over graphql-ws, posted to signed webhooks). Uses
 * lineage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Watchlists",
		allowedDependencies = { "common", "storage", "lineage" })
package dev.pedigree.watch;
