UNWIND $ids AS id
OPTIONAL MATCH (m:Model {id: id})
RETURN id, m IS NOT NULL AS exists
