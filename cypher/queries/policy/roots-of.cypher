// The foundations (roots) each of the given models descends from.
UNWIND $ids AS id
MATCH (c:Model {id: id})-[:DERIVED_FROM]->{1,50}(f:Model)
WHERE NOT EXISTS { (f)-[:DERIVED_FROM]->() }
RETURN DISTINCT c.id AS model, f.id AS foundation
