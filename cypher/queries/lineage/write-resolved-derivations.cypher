// An import batch's edges to (or from) a placeholder that a name resolution merged into the model its name means after
// the import found it stored (resolved-placeholders.cypher), written to that model as the resolution would have moved
// them (move-placeholders.cypher): a retraction of the pair or a curated derivation of it wins. Returns each pair
// written, and whether it is new.
UNWIND $rows AS row
MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
WHERE NOT EXISTS { (c)-[:RETRACTED_DERIVATION]->(p) }
OPTIONAL MATCH (c)-[existing:DERIVED_FROM]->(p)
WITH row, c, p, existing IS NULL AS isNew, coalesce(existing.curated, false) AS curated
CALL (row, c, p, curated) {
  WITH row, c, p WHERE NOT curated
  MERGE (c)-[r:DERIVED_FROM]->(p)
  SET r += row.props
}
RETURN row.child AS child, row.parent AS parent, isNew AS created
