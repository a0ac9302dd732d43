// The no-cycle rule for a placeholder's resolution (cycles-closed.cypher for each derivation it would move): moving
// child -> placeholder to child -> target closes a cycle when a path leads from the target up to the child, or when
// the child is the target itself. Asked under the lineage lock, after the moves of the same pass before it, so the
// path may run through them and through every derivation committed before. Only a child that has children can be
// reached from the target, so most children cost one EXISTS.
MATCH (c:Model)-[:DERIVED_FROM]->(p:Model {id: $placeholder})
WHERE p.placeholder = true
MATCH (m:Model {id: $target})
WHERE c = m OR EXISTS { (:Model)-[:DERIVED_FROM]->(c) }
CALL (c, m) {
  WITH c, m WHERE c = m
  RETURN [m.id] AS ids
  UNION
  MATCH path = ANY SHORTEST (m)-[:DERIVED_FROM]->+(c)
  RETURN [n IN nodes(path) | n.id] AS ids
}
RETURN c.id AS child, ids
LIMIT 1
