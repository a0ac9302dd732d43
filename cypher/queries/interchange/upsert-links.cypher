// Restores backed-up relationships between nodes named by label and id; label and type are checked against
// Pedigree's own vocabulary in code before they reach this query.
UNWIND $rows AS row
MATCH (a:$(row.fromLabel) {id: row.from})
MATCH (b:$(row.toLabel) {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type)]->(b)
WITH row, a, b, existing IS NULL AS isNew,
     existing IS NOT NULL AND any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]) AS changed
CALL (row, a, b, isNew, changed) {
  WITH row, a, b WHERE isNew OR changed
  MERGE (a)-[r:$(row.type)]->(b)
  SET r += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
