// The deferred search indexes are back and online: nothing left to recreate.
MATCH (d:__DeferredIndexes {id: 'import'})
DELETE d
