// Derivation edges inside the family (both ends members or roots; only derivations of $sources), by relation.
MATCH (root:Model) WHERE root.id IN $ids
MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-() WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')){1,{{maxDepth}}}(d:Model)
WHERE NOT d.id IN $ids
WITH collect(DISTINCT root) AS roots, collect(DISTINCT d) AS members
WITH roots + members AS family, members
UNWIND members AS c
MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
WHERE parent IN family AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
RETURN r.relation AS relation, count(r) AS count
ORDER BY count DESC, relation
