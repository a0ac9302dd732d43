// The hubs of the family (roots $ids, derivations of $sources): members with the most direct derivatives.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-() WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids AND (d.placeholder IS NULL OR d.placeholder = false)
WITH DISTINCT d
WITH d, COUNT { (d)<-[r:DERIVED_FROM]-(:Model) WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':') } AS children
WHERE children > 0
ORDER BY children DESC, d.id
LIMIT $limit
RETURN d AS model, children AS value
