// Ecosystem Graphs dependencies as typed relationships between any two assets (TRAINED_ON, GENERATED_BY, USES,
// DERIVED_FROM); the relationship type comes from the mapping table in code, never from input text.
UNWIND $rows AS row
MATCH (a:Model|Dataset|Application {id: row.from})
MATCH (b:Model|Dataset|Application {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type)]->(b)
WITH row, a, b, existing IS NULL AS isNew,
     existing IS NOT NULL AND NOT coalesce(existing.curated, false)
       AND any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]) AS changed
CALL (row, a, b, isNew, changed) {
  WITH row, a, b WHERE isNew OR changed
  MERGE (a)-[r:$(row.type)]->(b)
  SET r += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
