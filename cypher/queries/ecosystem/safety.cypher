// Members whose own derivation removed or degraded safety, and their share of the family's downloads (the family of
// summary: roots $ids, derivations of $sources; the member's derivation may be of any source).
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids
WITH DISTINCT d
WITH d, EXISTS { (d)-[r:DERIVED_FROM]->(up) WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] AND ($asOf IS NULL OR (up.releaseDate IS NULL AND $includeUndated) OR up.releaseDate <= $asOf) } AS unsafe
RETURN count(CASE WHEN unsafe THEN 1 END) AS removedOrDegraded,
       sum(CASE WHEN unsafe THEN coalesce(d.downloads, 0) ELSE 0 END) AS unsafeDownloads,
       sum(coalesce(d.downloads, 0)) AS totalDownloads
