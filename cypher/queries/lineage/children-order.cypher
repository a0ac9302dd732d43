// The direct derivatives of each of $ids (only those of $relations when not null) as child ids in the order $orderBy
// names (the keys and tie-break of children-page): computed once and kept for hubs with thousands of children, so
// paging inside a relation group does not sort the hub again. One derivation per (child, parent) pair, so a child id
// names its edge. One row per root with the order as three lists (lineage/FamilyIndex).
UNWIND $ids AS root
MATCH (parent:Model {id: root})<-[via:DERIVED_FROM]-(child:Model)
WHERE $relations IS NULL OR via.relation IN $relations
WITH root, parent, child, child.id AS id
ORDER BY root,
         CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(child.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(child.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (child)<-[:DERIVED_FROM]-(:Model) } END DESC,
         id
RETURN root, collect(id) AS ids, collect(1) AS depths, collect(parent.id) AS parentIds
