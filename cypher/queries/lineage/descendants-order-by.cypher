// descendants-order with the whole family ordered by $orderBy (most downloaded / newest / most derived first,
// unknown values last, ties by id: the keys of children-page), one row per root with the order as three lists.
UNWIND $ids AS root
MATCH (start:Model {id: root})
MATCH p = ANY SHORTEST (start)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH root, d, d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY root,
         CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(d.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(d.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (d)<-[:DERIVED_FROM]-(:Model) } END DESC,
         id
RETURN root, collect(id) AS ids, collect(depth) AS depths, collect(parentId) AS parentIds
