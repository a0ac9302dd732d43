// A model and its ancestors in one round trip, for requests that select both (the investigator's first question):
// the same traversal as ancestors.cypher; a model without ancestors comes back as one row with a null ancestor.
MATCH (start:Model {id: $id})
OPTIONAL CALL (start) {
  MATCH p = ANY SHORTEST (start)(()-[r:DERIVED_FROM]->() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(a:Model)
  RETURN a, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS childId
}
RETURN start AS root, a AS model, depth, via, childId, a.id AS parentId
ORDER BY depth, parentId
