// One page of $id's direct derivatives, optionally only those of $relations, in the order $orderBy names (null =
// child id). Most downloaded / newest / most derived first; a model with unknown downloads or date sorts after every
// known one (gated Hub models report none), ties by id so that offset cursors stay stable.
MATCH (parent:Model {id: $id})<-[via:DERIVED_FROM]-(child:Model)
WHERE $relations IS NULL OR via.relation IN $relations
WITH via, child, parent
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(child.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(child.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (child)<-[:DERIVED_FROM]-(:Model) } END DESC,
         child.id
SKIP $offset LIMIT $limit
RETURN via, child.id AS childId, parent.id AS parentId
