// Datasets and applications (Ecosystem Graphs): one node per id under the row's label; idempotent.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (existing:$(row.label) {id: row.id})
  WITH row, existing IS NULL AS isNew,
       existing IS NOT NULL AND any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]) AS changed
  CALL (row, isNew, changed) {
    WITH row WHERE isNew OR changed
    MERGE (n:$(row.label) {id: row.id})
    SET n += row.props
  }
  RETURN isNew, changed
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
