// Where the placeholders among $ids went, if a name resolution merged them into the models their names mean
// (move-placeholders.cypher): asked only by an import batch whose create-derivations.cypher wrote fewer edges than it
// was given (BulkWrites), for the ends of the edges it did not write.
UNWIND $ids AS id
MATCH (r:__ResolvedPlaceholder {id: id})
RETURN r.id AS id, r.into AS into, r.name AS name, r.method AS method, r.confidence AS confidence
