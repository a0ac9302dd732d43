// How many distinct models descend from $id within {{maxDepth}} hops, and whether the depth bound cut the family.
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()<-[r:DERIVED_FROM]-() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(d:Model)
WITH d, length(p) AS depth
RETURN count(d) AS total,
       coalesce(max(CASE WHEN depth = {{maxDepth}} AND EXISTS { (d)<-[:DERIVED_FROM]-() } THEN 1 ELSE 0 END), 0) = 1 AS cut
