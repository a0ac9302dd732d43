MATCH (parent:Model {id: $id})
RETURN COUNT { (parent)<-[:DERIVED_FROM]-(:Model) } AS total
