// Training sets named by model cards: a Dataset per id, TRAINED_ON from the model; idempotent.
UNWIND $rows AS row
MATCH (m:Model {id: row.model})
OPTIONAL MATCH (m)-[existing:TRAINED_ON]->(:Dataset {id: row.dataset})
WITH row, m, existing IS NULL AS isNew
CALL (row, m, isNew) {
  WITH row, m WHERE isNew
  MERGE (d:Dataset {id: row.dataset})
  ON CREATE SET d.name = row.dataset, d.sources = [row.source]
  MERGE (m)-[t:TRAINED_ON]->(d)
  SET t.source = row.source
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, 0 AS updated, count(*) AS total
