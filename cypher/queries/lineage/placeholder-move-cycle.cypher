// The no-cycle rule for a placeholder's resolution (cycles-closed.cypher for each derivation it would move). Moving
// child -> placeholder to child -> target closes a cycle when a path leads from the target up to the child, or when
// the child is the target itself; moving placeholder -> parent (a placeholder a source also gave parents) to
// target -> parent closes one when a path leads from the parent up to the target, or when the parent is the target.
// Asked under the lineage lock, after the moves of the same pass before it, so the path may run through them and
// through every derivation committed before. Only a child that has children can be reached from the target, so most
// children cost one EXISTS. `ids` is the cycle the move would close, from the moved derivation's child round to it.
MATCH (p:Model {id: $placeholder}) WHERE p.placeholder = true
MATCH (m:Model {id: $target})
CALL (p, m) {
  MATCH (c:Model)-[:DERIVED_FROM]->(p)
  WHERE c = m OR EXISTS { (:Model)-[:DERIVED_FROM]->(c) }
  CALL (c, m) {
    WITH c, m WHERE c = m
    RETURN [c.id, m.id] AS ids
    UNION
    MATCH path = ANY SHORTEST (m)-[:DERIVED_FROM]->+(c)
    RETURN [c.id] + [n IN nodes(path) | n.id] AS ids
  }
  RETURN ids
  UNION
  MATCH (p)-[:DERIVED_FROM]->(x:Model)
  CALL (x, m) {
    WITH x, m WHERE x = m
    RETURN [m.id, m.id] AS ids
    UNION
    MATCH path = ANY SHORTEST (x)-[:DERIVED_FROM]->+(m)
    RETURN [m.id] + [n IN nodes(path) | n.id] AS ids
  }
  RETURN ids
}
RETURN ids
LIMIT 1
