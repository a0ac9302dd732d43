// One page of lineage entries, materialised from (id, depth, parentId) rows in the given order.
UNWIND $rows AS row
MATCH (d:Model {id: row.id})-[via:DERIVED_FROM]->(p:Model {id: row.parentId})
RETURN d AS model, row.depth AS depth, via, d.id AS childId, p.id AS parentId
ORDER BY row.i
