// Each placeholder resolved to a described model: its children's derivations move to that model with how they were
// resolved (unless the move would close a cycle), other links to it move too, and the placeholder goes once nothing
// points at it. Idempotent.
UNWIND $rows AS row
MATCH (p:Model {id: row.placeholder}) WHERE p.placeholder = true
MATCH (m:Model {id: row.target}) WHERE m.placeholder IS NULL
CALL (p, m, row) {
  MATCH (c:Model)-[d:DERIVED_FROM]->(p)
  WHERE c <> m AND NOT EXISTS { (m)-[:DERIVED_FROM]->{1,50}(c) }
  MERGE (c)-[moved:DERIVED_FROM]->(m)
  SET moved += properties(d), moved.resolvedFrom = coalesce(p.name, p.id), moved.resolution = row.method,
      moved.resolutionConfidence = row.confidence
  DELETE d
}
CALL (p, m) {
  MATCH (x)-[r]->(p) WHERE type(r) <> 'DERIVED_FROM' AND x <> m
  MERGE (x)-[moved:$(type(r))]->(m)
  SET moved += properties(r)
  DELETE r
}
WITH p WHERE NOT EXISTS { (:Model)-[:DERIVED_FROM]->(p) }
DETACH DELETE p
RETURN count(*) AS resolved
