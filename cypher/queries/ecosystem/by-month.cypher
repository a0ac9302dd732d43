// Members by creation month (YYYY-MM), months in order, then one null month for the undated members (when there are
// any; the API calls it UNKNOWN): growth curves must show how much of the family they cannot place. The family is
// summary's: the roots $ids, derivations of $sources, each member once.
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids AND (d.placeholder IS NULL OR d.placeholder = false)
WITH DISTINCT d
RETURN substring(d.releaseDate, 0, 7) AS month, count(d) AS count
ORDER BY month
