// Members without a release date of the family of the roots $ids (within {{maxDepth}} hops, derivations of $sources)
// as the graph stood on $asOf with undated models counted in: the undated models an as-of report included, or left
// out when it did not count them.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND (seen.releaseDate IS NULL OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids AND d.releaseDate IS NULL AND (d.placeholder IS NULL OR d.placeholder = false)
RETURN count(DISTINCT d) AS undated
