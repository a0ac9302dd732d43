// ancestors without a relations filter, for a selection that reads no ancestor's derivation (`via`): the same model
// and ancestors, each once at its smallest depth, from a pruning breadth-first expand instead of shortest paths
// (cheaper for the database; issue 12, session 19). A model without ancestors is one row with a null ancestor.
MATCH (start:Model {id: $id})
OPTIONAL CALL (start) {
  MATCH p = (start)-[:DERIVED_FROM*1..{{maxDepth}}]->(a:Model)
  RETURN a, min(length(p)) AS depth
}
RETURN [k IN $rootProperties | start[k]] AS root, [k IN $modelProperties | a[k]] AS model, depth, a.id AS parentId
ORDER BY depth, parentId
