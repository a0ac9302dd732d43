// The indexes an import dropped to populate them in bulk after its first load (DeferredIndexes), with the statements
// that create them (none in a marker of an earlier release, which kept names only): kept in the store until they are
// back, so a start or an import after a crash finds what to recreate.
OPTIONAL MATCH (d:__DeferredIndexes {id: 'import'})
RETURN coalesce(d.names, []) AS names, coalesce(d.statements, []) AS statements
