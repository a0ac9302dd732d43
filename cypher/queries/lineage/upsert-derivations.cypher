// Batched upsert of derivations, one per (child, parent) pair. A curated fact is never overwritten by an import.
UNWIND $rows AS row
MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
OPTIONAL MATCH (c)-[existing:DERIVED_FROM]->(p)
WITH row, c, p, existing, existing IS NULL AS isNew
WITH row, c, p, isNew, NOT isNew AND NOT coalesce(existing.curated, false)
       AND any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]) AS changed
CALL (row, c, p, isNew, changed) {
  WITH row, c, p WHERE isNew OR changed
  MERGE (c)-[r:DERIVED_FROM]->(p)
  SET r += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
