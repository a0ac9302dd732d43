// How many models (placeholders aside) without a release date the lineage of $id holds as the graph stood on $asOf with undated models
// counted in: ancestors and descendants within 50 hops through models released by $asOf or undated. These are the
// undated models an as-of answer includes (includeUndated) or leaves out.
MATCH (start:Model {id: $id})
CALL (start) {
  OPTIONAL MATCH p = ANY SHORTEST (start)(()-[:DERIVED_FROM]->(x:Model) WHERE x.releaseDate IS NULL OR x.releaseDate <= $asOf){1,50}(a:Model)
  WITH a WHERE a.releaseDate IS NULL AND (a.placeholder IS NULL OR a.placeholder = false)
  RETURN count(DISTINCT a) AS ancestors
}
CALL (start) {
  OPTIONAL MATCH p = ANY SHORTEST (start)(()<-[:DERIVED_FROM]-(x:Model) WHERE x.releaseDate IS NULL OR x.releaseDate <= $asOf){1,50}(d:Model)
  WITH d WHERE d.releaseDate IS NULL AND (d.placeholder IS NULL OR d.placeholder = false)
  RETURN count(DISTINCT d) AS descendants
}
RETURN ancestors, descendants
