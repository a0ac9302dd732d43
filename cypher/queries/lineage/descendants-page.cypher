// One page of the descendants of $id up to {{maxDepth}} hops, each at its smallest depth, ordered by depth then id.
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()<-[r:DERIVED_FROM]-() WHERE $relations IS NULL OR r.relation IN $relations){1,{{maxDepth}}}(d:Model)
WITH d, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2] AS viaParent
ORDER BY depth, d.id
SKIP $offset LIMIT $limit
RETURN d AS model, depth, via, d.id AS childId, viaParent.id AS parentId
