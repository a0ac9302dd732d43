// One page of the direct derivatives of $id as the graph stood on $asOf (children released later are invisible;
// undated ones count when $includeUndated), of $relations (null = every relation), in $orderBy (null or ID = child id;
// ties by id), with the total in the same statement. CHILDREN counts the visible children of each child.
MATCH (parent:Model {id: $id})<-[via:DERIVED_FROM]-(child:Model)
WHERE ($relations IS NULL OR via.relation IN $relations)
  AND ((child.releaseDate IS NULL AND $includeUndated) OR child.releaseDate <= $asOf)
WITH via, child, parent
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(child.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(child.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (child)<-[:DERIVED_FROM]-(g:Model)
                                                     WHERE (g.releaseDate IS NULL AND $includeUndated) OR g.releaseDate <= $asOf } END DESC,
         child.id
WITH parent, collect({via: via, childId: child.id}) AS members
RETURN parent.id AS parentId, size(members) AS total, members[$offset..$offset + $limit] AS rows
