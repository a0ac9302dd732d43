// One page of the models trained on dataset $id, by model id.
MATCH (:Dataset {id: $id})<-[:TRAINED_ON]-(m:Model)
RETURN m AS model
ORDER BY m.id
SKIP $offset LIMIT $limit
