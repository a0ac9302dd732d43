// The whole ordered family of each of $ids as ids only: computed once and cached for large families, so later pages
// and totals do not walk the family again; one statement for the `descendants` fields of a whole level. Order: depth,
// then id ($orderBy null, the contract's default), or the whole family by $orderBy (most downloaded / newest / most
// derived first, unknown values last, ties by id: the keys of children-page). (descendants-order-filtered adds a
// relations filter; an inline predicate costs the shortest-path planner about twice the time, so the plain case has
// its own query.)
UNWIND $ids AS root
MATCH (start:Model {id: root})
MATCH p = ANY SHORTEST (start)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
RETURN root, d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY root,
         CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(d.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(d.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (d)<-[:DERIVED_FROM]-(:Model) } END DESC,
         CASE WHEN $orderBy IS NULL THEN depth END,
         id
