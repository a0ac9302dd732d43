// A placeholder resolves once a described model carries its name as an alias (curated identities, a later import):
// its children's derivations move to that model (unless the move would close a cycle) and the placeholder goes.
// Idempotent; this is also how a store seeded by an earlier release loses its resolved epoch/… placeholders.
// Starts from the models that have aliases (few) and finds placeholders by name (indexed).
MATCH (m:Model) WHERE m.aliases IS NOT NULL AND m.placeholder IS NULL
UNWIND m.aliases AS alias
MATCH (p:Model {name: alias}) WHERE p.placeholder = true AND p <> m
WITH p, collect(DISTINCT m) AS matches WHERE size(matches) = 1
WITH p, matches[0] AS m
CALL (p, m) {
  MATCH (c:Model)-[d:DERIVED_FROM]->(p)
  WHERE c <> m AND NOT EXISTS { (m)-[:DERIVED_FROM]->{1,50}(c) }
  MERGE (c)-[moved:DERIVED_FROM]->(m)
  SET moved += properties(d), moved.resolvedFrom = p.id
  DELETE d
}
WITH p
WHERE NOT EXISTS { (:Model)-[:DERIVED_FROM]->(p) }
DETACH DELETE p
RETURN count(*) AS resolved
