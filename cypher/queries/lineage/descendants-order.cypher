// The whole ordered family (depth, then id) of each of $ids as ids only: computed once and cached for large
// families, so later pages and totals do not walk the family again; one statement for the `descendants` fields of a
// whole level. (descendants-order-filtered adds a relations filter; an inline predicate costs the shortest-path
// planner about twice the time, so the plain case has its own query.)
UNWIND $ids AS root
MATCH (start:Model {id: root})
MATCH p = ANY SHORTEST (start)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
RETURN root, d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY root, depth, id
