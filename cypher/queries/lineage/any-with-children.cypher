UNWIND $ids AS id
MATCH (d:Model {id: id})
WHERE EXISTS { (d)<-[:DERIVED_FROM]-(:Model) }
RETURN count(d) > 0 AS any
