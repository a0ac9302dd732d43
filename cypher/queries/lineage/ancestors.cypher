// $id's model and its ancestors up to {{maxDepth}} hops (a validated integer rendered by the server: quantifier
// bounds cannot be parameters), each once at its smallest depth; via = the derivation through which it was first
// reached. One round trip serves `model { ancestors }`; a model without ancestors is one row with a null ancestor.
// Of the model, the ancestors and their derivations it returns only the properties named in $rootProperties,
// $modelProperties and $viaProperties, in that order: those the request's selection reads.
MATCH (start:Model {id: $id})
OPTIONAL CALL (start) {
  MATCH p = ANY SHORTEST (start)(()-[r:DERIVED_FROM]->() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(a:Model)
  RETURN a, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS childId
}
RETURN [k IN $rootProperties | start[k]] AS root, [k IN $modelProperties | a[k]] AS model, depth,
       [k IN $viaProperties | via[k]] AS via, childId, a.id AS parentId
ORDER BY depth, parentId
