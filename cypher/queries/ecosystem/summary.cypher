// Size, depth, leaves and external merges of everything derived from $id within {{maxDepth}} hops (placeholders
// excluded from the counts).
MATCH (root:Model {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH root, collect(DISTINCT d) AS members, max(length(p)) AS reached
WITH root, members, reached, [root] + members AS family
UNWIND (CASE WHEN size(members) = 0 THEN [null] ELSE members END) AS d
WITH root, family, reached, d
WHERE d IS NULL OR d.placeholder IS NULL OR d.placeholder = false
RETURN count(d) AS totalDescendants,
       coalesce(reached, 0) AS maxDepth,
       count(CASE WHEN d IS NOT NULL AND NOT EXISTS { (d)<-[:DERIVED_FROM]-(:Model) } THEN 1 END) AS leaves,
       count(CASE WHEN d IS NOT NULL AND EXISTS { (d)-[:DERIVED_FROM]->(x:Model) WHERE NOT x IN family } THEN 1 END) AS externalMerges
