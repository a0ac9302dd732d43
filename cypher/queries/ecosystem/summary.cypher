// Size, depth, leaves, external merges and the depth histogram of everything derived from $id within
// {{maxDepth}} hops (placeholders excluded from the counts), from one traversal: byDepth shares it.
MATCH (root:Model {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH root, collect(d) AS members, max(length(p)) AS reached,
     collect(CASE WHEN d.placeholder IS NULL OR d.placeholder = false THEN length(p) END) AS depths
WITH members, reached, depths, [root] + members AS family
CALL (members, family) {
  UNWIND members AS d
  WITH d, family
  WHERE d.placeholder IS NULL OR d.placeholder = false
  RETURN count(d) AS totalDescendants,
         count(CASE WHEN NOT EXISTS { (d)<-[:DERIVED_FROM]-(:Model) } THEN 1 END) AS leaves,
         count(CASE WHEN EXISTS { (d)-[:DERIVED_FROM]->(x:Model) WHERE NOT x IN family } THEN 1 END) AS externalMerges
}
RETURN totalDescendants, coalesce(reached, 0) AS maxDepth, leaves, externalMerges, depths
