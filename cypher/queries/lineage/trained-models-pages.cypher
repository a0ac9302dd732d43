// One page of the models trained on each dataset of $ids (by model id), and, when $withTotal, how many: the
// `Dataset.trainedModels` fields of a whole level in one statement.
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
CALL (d) {
  MATCH (d)<-[:TRAINED_ON]-(m:Model)
  WITH m ORDER BY m.id SKIP $offset LIMIT $limit
  RETURN collect(m) AS rows
}
RETURN id, rows, CASE WHEN $withTotal THEN COUNT { (d)<-[:TRAINED_ON]-(:Model) } END AS total
