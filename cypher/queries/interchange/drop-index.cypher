// Drops one deferred search index (never one that backs a constraint: those are not deferrable).
DROP INDEX $name IF EXISTS
