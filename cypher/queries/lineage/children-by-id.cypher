// One page of $id's direct derivatives, materialised from child ids in the given order (children-order).
UNWIND $rows AS row
MATCH (child:Model {id: row.id})-[via:DERIVED_FROM]->(parent:Model {id: $id})
RETURN via, child.id AS childId, parent.id AS parentId
ORDER BY row.i
