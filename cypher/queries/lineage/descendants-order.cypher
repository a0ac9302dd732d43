// The whole ordered family of $id (depth, then id) as ids only: computed once and cached for large families, so
// later pages and totals do not walk the family again. (descendants-order-filtered adds a relations filter; an
// inline predicate costs the shortest-path planner about twice the time, so the plain case has its own query.)
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
RETURN d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY depth, id
