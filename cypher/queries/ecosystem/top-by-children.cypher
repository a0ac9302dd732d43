MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WHERE d.placeholder IS NULL OR d.placeholder = false
WITH DISTINCT d
WITH d, COUNT { (d)<-[:DERIVED_FROM]-(:Model) } AS children
WHERE children > 0
ORDER BY children DESC, d.id
LIMIT $limit
RETURN d AS model, children AS value
