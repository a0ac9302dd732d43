UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN d AS dataset
