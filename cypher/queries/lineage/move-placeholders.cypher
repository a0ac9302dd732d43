// One placeholder resolved to a described model: its children's derivations move to that model with how they were
// resolved, its own derivations (a source gave the name parents) move as they are, its other links in and out move
// too, and the placeholder goes. Run under the lineage lock once placeholder-move-cycle.cypher found no derivation
// whose move closes a cycle, so every derivation moves and nothing is lost with the placeholder, except a developer or
// licence when the model has its own (its describing source names them). Nothing happens when the placeholder is gone
// (another pass resolved it): `resolved` is 0 then.
MATCH (p:Model {id: $placeholder}) WHERE p.placeholder = true
MATCH (m:Model {id: $target}) WHERE m.placeholder IS NULL
CALL (p, m) {
  MATCH (c:Model)-[d:DERIVED_FROM]->(p)
  MERGE (c)-[moved:DERIVED_FROM]->(m)
  SET moved += properties(d), moved.resolvedFrom = coalesce(p.name, p.id), moved.resolution = $method,
      moved.resolutionConfidence = $confidence
  DELETE d
}
CALL (p, m) {
  // resolvedFrom and resolution describe a derivation's parent (the schema's Derivation), not its child.
  MATCH (p)-[d:DERIVED_FROM]->(x:Model)
  MERGE (m)-[moved:DERIVED_FROM]->(x)
  SET moved += properties(d)
  DELETE d
}
CALL (p, m) {
  MATCH (x)-[r]->(p) WHERE type(r) <> 'DERIVED_FROM' AND x <> m
  MERGE (x)-[moved:$(type(r))]->(m)
  SET moved += properties(r)
  DELETE r
}
CALL (p, m) {
  MATCH (p)-[r]->(y) WHERE type(r) <> 'DERIVED_FROM' AND y <> m
    AND (NOT type(r) IN ['DEVELOPED_BY', 'LICENSED_UNDER'] OR NOT EXISTS { (m)-[s]->() WHERE type(s) = type(r) })
  MERGE (m)-[moved:$(type(r))]->(y)
  SET moved += properties(r)
  DELETE r
}
WITH p WHERE NOT EXISTS { (:Model)-[:DERIVED_FROM]->(p) }
DETACH DELETE p
RETURN count(*) AS resolved
