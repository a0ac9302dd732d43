// Pages of lineage entries, materialised from (root, n, id, depth, parentId) rows in the given order (n), for one or
// more traversal roots. The derivation is reached from the child (few parents), never from the parent (a hub may
// have thousands of children).
UNWIND $rows AS row
MATCH (d:Model {id: row.id})
CALL (d, row) {
  MATCH (d)-[via:DERIVED_FROM]->(p:Model)
  WHERE p.id = row.parentId
  RETURN via, p
  LIMIT 1
}
RETURN row.root AS root, d AS model, row.depth AS depth, via, d.id AS childId, p.id AS parentId
ORDER BY row.n
