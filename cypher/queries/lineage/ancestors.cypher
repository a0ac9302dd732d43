// Ancestors of $id up to {{maxDepth}} hops (a validated integer rendered by the server: quantifier bounds cannot be
// parameters), each once at its smallest depth; via = the derivation through which it was first reached.
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()-[r:DERIVED_FROM]->() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(a:Model)
WITH a, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2] AS viaChild
RETURN a AS model, depth, via, viaChild.id AS childId, a.id AS parentId
ORDER BY depth, a.id
