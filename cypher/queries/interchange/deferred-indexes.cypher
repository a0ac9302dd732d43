// The search indexes an import dropped to populate them in bulk after its first load (DeferredIndexes): kept in the
// store until they are back, so a start or an import after a crash finds what to recreate.
OPTIONAL MATCH (d:__DeferredIndexes {id: 'import'})
RETURN coalesce(d.names, []) AS names
