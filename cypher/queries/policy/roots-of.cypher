// The foundations (roots) each of the given models descends from, as of $asOf.
UNWIND $ids AS id
MATCH (c:Model {id: id}) ((:Model)-[:DERIVED_FROM]->(step:Model) WHERE ($asOf IS NULL OR (step.releaseDate IS NULL AND $includeUndated) OR step.releaseDate <= $asOf)){1,50} (f:Model)
WHERE NOT EXISTS { (f)-[:DERIVED_FROM]->(p) WHERE ($asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf) }
RETURN DISTINCT c.id AS model, f.id AS foundation
