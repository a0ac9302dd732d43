// Members by primary developer, largest first (the family of summary: roots $ids, derivations of $sources).
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids AND (d.placeholder IS NULL OR d.placeholder = false) AND d.developerId IS NOT NULL
WITH d.developerId AS organization, count(DISTINCT d) AS count
ORDER BY count DESC, organization
LIMIT $limit
RETURN organization, count
