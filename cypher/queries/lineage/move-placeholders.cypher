// One placeholder resolved to a described model: its children's derivations move to that model with how they were
// resolved, its own derivations (a source gave the name parents) move as they are, its other links in and out move
// too, and the placeholder goes. Run under the lineage lock once placeholder-move-cycle.cypher found no derivation
// whose move closes a cycle. What the target already holds wins: a curated derivation or a retraction of the same
// pair, and its own developer, licence or link of the same kind; the placeholder's claim goes with it then. Nothing
// happens when the placeholder is gone (another pass resolved it): `resolved` is 0 then.
MATCH (p:Model {id: $placeholder}) WHERE p.placeholder = true
MATCH (m:Model {id: $target}) WHERE m.placeholder IS NULL
CALL (p, m) {
  MATCH (c:Model)-[d:DERIVED_FROM]->(p)
  CALL (c, m, d, p) {
    // A retraction of the pair wins (retracted-pairs.cypher), and a curated derivation is never overwritten
    // (upsert-derivations.cypher): the placeholder's claim then goes with it.
    OPTIONAL MATCH (c)-[existing:DERIVED_FROM]->(m)
    WITH c, m, d, p, existing
    WHERE NOT EXISTS { (c)-[:RETRACTED_DERIVATION]->(m) } AND NOT coalesce(existing.curated, false)
    MERGE (c)-[moved:DERIVED_FROM]->(m)
    SET moved += properties(d), moved.resolvedFrom = coalesce(p.name, p.id), moved.resolution = $method,
        moved.resolutionConfidence = $confidence
  }
  DELETE d
}
CALL (p, m) {
  // resolvedFrom and resolution describe a derivation's parent (the schema's Derivation), not its child.
  MATCH (p)-[d:DERIVED_FROM]->(x:Model)
  CALL (x, m, d) {
    OPTIONAL MATCH (m)-[existing:DERIVED_FROM]->(x)
    WITH x, m, d, existing
    WHERE NOT EXISTS { (m)-[:RETRACTED_DERIVATION]->(x) } AND NOT coalesce(existing.curated, false)
    MERGE (m)-[moved:DERIVED_FROM]->(x)
    SET moved += properties(d)
  }
  DELETE d
}
// Other links keep the target's own where it has one (ON CREATE); a retraction is not moved onto a pair that derives.
CALL (p, m) {
  MATCH (x)-[r]->(p) WHERE type(r) <> 'DERIVED_FROM' AND x <> m
  CALL (x, r, m) {
    WITH x, r, m WHERE type(r) <> 'RETRACTED_DERIVATION' OR NOT EXISTS { (x)-[:DERIVED_FROM]->(m) }
    MERGE (x)-[moved:$(type(r))]->(m)
    ON CREATE SET moved += properties(r)
  }
  DELETE r
}
CALL (p, m) {
  MATCH (p)-[r]->(y) WHERE type(r) <> 'DERIVED_FROM' AND y <> m
  CALL (y, r, m) {
    WITH y, r, m
    WHERE (NOT type(r) IN ['DEVELOPED_BY', 'LICENSED_UNDER'] OR NOT EXISTS { (m)-[s]->() WHERE type(s) = type(r) })
      AND (type(r) <> 'RETRACTED_DERIVATION' OR NOT EXISTS { (m)-[:DERIVED_FROM]->(y) })
    MERGE (m)-[moved:$(type(r))]->(y)
    ON CREATE SET moved += properties(r)
  }
  DELETE r
}
WITH p WHERE NOT EXISTS { (:Model)-[:DERIVED_FROM]->(p) }
DETACH DELETE p
RETURN count(*) AS resolved
