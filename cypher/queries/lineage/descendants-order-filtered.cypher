// descendants-order (or, with $orderBy, descendants-order-by) restricted to chains made of $relations, one row per
// root with the order as three lists.
UNWIND $ids AS root
MATCH (start:Model {id: root})
MATCH p = ANY SHORTEST (start)(()<-[r:DERIVED_FROM]-() WHERE r.relation IN $relations){1,{{maxDepth}}}(d:Model)
WITH root, d, d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY root,
         CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(d.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(d.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (d)<-[:DERIVED_FROM]-(:Model) } END DESC,
         CASE WHEN $orderBy IS NULL THEN depth END,
         id
RETURN root, collect(id) AS ids, collect(depth) AS depths, collect(parentId) AS parentIds
