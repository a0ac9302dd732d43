// The datasets each of $ids was trained on (TRAINED_ON), with the source of each link.
UNWIND $ids AS id
MATCH (:Model {id: id})-[t:TRAINED_ON]->(d:Dataset)
RETURN id AS modelId, d AS dataset, t.source AS source
ORDER BY modelId, d.id
