// Served from the count store, in constant time: a store without derivations needs no existence or cycle checks
// against stored edges.
MATCH ()-[r:DERIVED_FROM]->()
RETURN count(r) AS n
