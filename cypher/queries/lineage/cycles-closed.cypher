// The no-cycle rule against the stored graph: child -> parent closes a cycle when a path leads from the parent up to
// the child. A curated write asks before writing its edge; an import batch asks after writing its new edges, under the
// lineage lock (lock-lineage.cypher), so the path may run through its own, earlier batches' and others' edges. Only a
// child that has children can close a cycle, so edges into leaves (most of an import) cost one EXISTS.
UNWIND $rows AS row
MATCH (c:Model {id: row.child})
WHERE EXISTS { (:Model)-[:DERIVED_FROM]->(c) }
MATCH (p:Model {id: row.parent})
MATCH path = ANY SHORTEST (p)-[:DERIVED_FROM]->+(c)
RETURN row.child AS child, row.parent AS parent, [n IN nodes(path) | n.id] AS ids
LIMIT 1
