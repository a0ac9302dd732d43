// One page of $id's direct derivatives, materialised from child ids in the given order (children-order). The
// derivation is reached from the child (few parents), never from the hub (tens of thousands of children).
UNWIND $rows AS row
MATCH (child:Model {id: row.id})
CALL (child) {
  MATCH (child)-[via:DERIVED_FROM]->(parent:Model)
  WHERE parent.id = $id
  RETURN via, parent
  LIMIT 1
}
RETURN via, child.id AS childId, parent.id AS parentId
ORDER BY row.i
