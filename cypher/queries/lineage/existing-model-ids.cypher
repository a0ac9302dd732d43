UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m.id AS id
