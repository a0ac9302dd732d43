// One page of $id's descendants in the contract's order (depth, then id; each once, at its smallest depth, via =
// the derivation through which it was first reached) after ($afterDepth, $afterId), from the models within
// {{maxDepth}} hops only: the caller (LineageQueries) widens the bound until the page is full, so the first page of
// a family whose first level fills it (a hub of 40,000 derivatives) reads that level, not the whole family.
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH d, length(p) AS depth, p
WHERE depth > $afterDepth OR (depth = $afterDepth AND d.id > $afterId)
WITH d, depth, p ORDER BY depth, d.id LIMIT $limit
RETURN d AS model, depth, last(relationships(p)) AS via, nodes(p)[-2].id AS parentId
