// Records the indexes an import is about to drop, each with the statement that creates it again (see
// deferred-indexes.cypher), before it drops them. A marker left by an earlier run is restored first, so none is here.
MERGE (d:__DeferredIndexes {id: 'import'})
SET d.names = $names, d.statements = $statements
