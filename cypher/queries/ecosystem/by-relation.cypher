// Derivation edges inside the family (both ends members or roots; only derivations of $sources), by relation.
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids
WITH collect(DISTINCT root) AS roots, collect(DISTINCT d) AS members
WITH roots + members AS family, members
UNWIND members AS c
MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
WHERE parent IN family AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
RETURN r.relation AS relation, count(r) AS count
ORDER BY count DESC, relation
