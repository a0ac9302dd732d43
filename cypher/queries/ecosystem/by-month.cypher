MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WHERE (d.placeholder IS NULL OR d.placeholder = false) AND d.releaseDate IS NOT NULL
RETURN substring(d.releaseDate, 0, 7) AS month, count(DISTINCT d) AS count
ORDER BY month
