MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WHERE d.placeholder IS NULL OR d.placeholder = false
WITH DISTINCT d
ORDER BY coalesce(d.downloads, 0) DESC, d.id
LIMIT $limit
RETURN d AS model, coalesce(d.downloads, 0) AS value
