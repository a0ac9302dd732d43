// Roots of the ancestry of each model of $ids as the graph stood on $asOf: the ancestors (or the model itself)
// without a parent visible then (released by $asOf; undated ones when $includeUndated).
UNWIND $ids AS id
MATCH (start:Model {id: id})
MATCH (start)(()-[:DERIVED_FROM]->(x:Model) WHERE ((x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)){0,50}(root:Model)
WHERE NOT EXISTS { (root)-[:DERIVED_FROM]->(up:Model) WHERE (up.releaseDate IS NULL AND $includeUndated) OR up.releaseDate <= $asOf }
WITH DISTINCT id, root
ORDER BY root.id
RETURN id, collect(root) AS models
