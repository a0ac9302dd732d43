// Direct derivatives of $id as the graph stood on $asOf (later ones invisible; undated ones count when
// $includeUndated), grouped by relation, largest group first, each with its first $limit members in $orderBy.
MATCH (parent:Model {id: $id})<-[via:DERIVED_FROM]-(child:Model)
WHERE (child.releaseDate IS NULL AND $includeUndated) OR child.releaseDate <= $asOf
WITH via, child, parent
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(child.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(child.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (child)<-[:DERIVED_FROM]-(g:Model)
                                                     WHERE (g.releaseDate IS NULL AND $includeUndated) OR g.releaseDate <= $asOf } END DESC,
         child.id
WITH parent, via.relation AS relation, collect({via: via, childId: child.id}) AS members
RETURN relation, size(members) AS count, members[0..$limit] AS page, parent.id AS parentId
ORDER BY count DESC, relation
