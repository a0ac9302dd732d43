// $id's direct derivatives grouped by relation, as the Hub's model tree shows them: each group's size and its first
// $limit members in the order $orderBy names (the keys and tie-break of children-page, so a group's cursor
// continues as children(relations: [that relation], orderBy) pages). Largest group first.
MATCH (parent:Model {id: $id})<-[via:DERIVED_FROM]-(child:Model)
WITH via, child, parent
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(child.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(child.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (child)<-[:DERIVED_FROM]-(:Model) } END DESC,
         child.id
WITH parent, via.relation AS relation, collect({via: via, childId: child.id}) AS members
RETURN relation, size(members) AS count, members[0..$limit] AS page, parent.id AS parentId
ORDER BY count DESC, relation
