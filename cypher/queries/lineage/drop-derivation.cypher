// An import batch's new edge that closed a cycle with stored derivations is taken back, in the batch's transaction,
// before it commits (the import lists it as skipped).
MATCH (:Model {id: $child})-[r:DERIVED_FROM]->(:Model {id: $parent})
DELETE r
