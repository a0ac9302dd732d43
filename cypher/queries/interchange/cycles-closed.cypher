// After a batch of derivations is written under the lineage lock, when others wrote derivations while the import
// ran: a path from a written edge's parent up to its child means the batch closed a cycle with their edges.
UNWIND $rows AS row
MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
MATCH path = ANY SHORTEST (p)-[:DERIVED_FROM]->+(c)
RETURN row.child AS child, row.parent AS parent, [n IN nodes(path) | n.id] AS ids
LIMIT 1
