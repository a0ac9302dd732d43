// Records the search indexes an import is about to drop (see deferred-indexes.cypher), before it drops them.
MERGE (d:__DeferredIndexes {id: 'import'})
SET d.names = coalesce(d.names, []) + [n IN $names WHERE NOT n IN coalesce(d.names, [])]
