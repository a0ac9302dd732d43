/**
 * The database: embedded Neo4j's lifecycle (or an external server), schema migrations,
 * Cypher files and the one {@link dev.pedigree.storage.Graph} door every read and write
 * goes through. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage", allowedDependencies = {})
package dev.pedigree.storage;
