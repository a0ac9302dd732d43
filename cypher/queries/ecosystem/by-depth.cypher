MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WHERE d.placeholder IS NULL OR d.placeholder = false
RETURN length(p) AS depth, count(DISTINCT d) AS count
ORDER BY depth
