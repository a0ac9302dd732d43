MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WHERE (d.placeholder IS NULL OR d.placeholder = false) AND d.developerId IS NOT NULL
WITH d.developerId AS organization, count(DISTINCT d) AS count
ORDER BY count DESC, organization
LIMIT $limit
RETURN organization, count
