// $id's model, its direct bases (by parent id) and the parents' nodes: one round trip serves
// `model { parents { … parent { … } } }`. A model without parents is one row with a null derivation.
MATCH (m:Model {id: $id})
OPTIONAL CALL (m) {
  MATCH (m)-[via:DERIVED_FROM]->(p:Model)
  RETURN via, p
}
RETURN m AS model, via, p AS parent, p.id AS parentId
ORDER BY parentId
