// An organisation's annual revenue figure for one fiscal year, with its source (SB 53's "large frontier developer").
UNWIND $rows AS row
MATCH (o:Organization {id: row.organizationId})
OPTIONAL MATCH (existing:Revenue {id: row.id})
WITH row, o, existing IS NULL AS isNew,
     existing IS NOT NULL AND any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]) AS changed
CALL (row, o, isNew, changed) {
  WITH row, o WHERE isNew OR changed
  MERGE (r:Revenue {id: row.id})
  SET r += row.props
  MERGE (o)-[:REPORTED]->(r)
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
