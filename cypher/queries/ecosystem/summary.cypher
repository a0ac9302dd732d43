// Size, depth, leaves, external merges and the depth histogram of everything derived from the roots $ids within
// {{maxDepth}} hops along derivations whose source is one of $sources (null = every source; 'hf' matches 'hf:tag',
// 'hf:list:adapters', …), placeholders excluded from the counts, from one traversal: byDepth shares it. A model
// reached from several roots counts once, at its smallest depth; a root reached from another root stays a root.
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
UNWIND roots AS root
OPTIONAL MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d IN roots
WITH roots, d, min(length(p)) AS depth
WITH roots, collect(d) AS members, max(depth) AS reached,
     collect(CASE WHEN d.placeholder IS NULL OR d.placeholder = false THEN depth END) AS depths
WITH members, reached, depths, roots + members AS family
CALL (members, family) {
  UNWIND members AS d
  WITH d, family
  WHERE d.placeholder IS NULL OR d.placeholder = false
  RETURN count(d) AS totalDescendants,
         count(CASE WHEN NOT EXISTS { (d)<-[r:DERIVED_FROM]-(c:Model) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')) AND ($asOf IS NULL OR (c.releaseDate IS NULL AND $includeUndated) OR c.releaseDate <= $asOf) } THEN 1 END) AS leaves,
         count(CASE WHEN EXISTS { (d)-[r:DERIVED_FROM]->(x:Model) WHERE NOT x IN family AND ($asOf IS NULL OR (x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf) AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')) } THEN 1 END) AS externalMerges
}
RETURN totalDescendants, coalesce(reached, 0) AS maxDepth, leaves, externalMerges, depths
