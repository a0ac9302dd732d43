UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m AS model
