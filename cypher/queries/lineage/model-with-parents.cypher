// $id's model, its direct bases (by parent id) and the parents' nodes: one round trip serves
// `model { parents { … parent { … } } }`. A model without parents is one row with a null parent id. Of the model, the
// derivations and the parents it returns only the properties named in $rootProperties, $viaProperties and
// $modelProperties, in that order: those the request's selection reads.
MATCH (m:Model {id: $id})
OPTIONAL CALL (m) {
  MATCH (m)-[via:DERIVED_FROM]->(p:Model)
  RETURN via, p
}
RETURN [k IN $rootProperties | m[k]] AS model, [k IN $viaProperties | via[k]] AS via,
       [k IN $modelProperties | p[k]] AS parent, p.id AS parentId
ORDER BY parentId
