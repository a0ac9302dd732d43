// The ancestors of each of $ids up to {{maxDepth}} hops (a validated integer rendered by the server: quantifier
// bounds cannot be parameters), each once at its smallest depth; via = the derivation through which it was first
// reached. The `ancestors` fields of a whole level in one statement (`ancestors.cypher` serves one model together
// with its own row).
UNWIND $ids AS id
MATCH (start:Model {id: id})
CALL (start) {
  MATCH p = ANY SHORTEST (start)(()-[r:DERIVED_FROM]->() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(a:Model)
  RETURN a, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS childId
}
RETURN id, a AS model, depth, via, childId, a.id AS parentId
ORDER BY id, depth, parentId
