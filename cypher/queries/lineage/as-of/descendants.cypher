// The descendants of $id as the graph stood on $asOf (through models released by then; undated ones when
// $includeUndated), each once at its smallest depth, along $relations (null = every relation), in $orderBy (null =
// depth, then id; else that order, ties by id): the total and one page in one statement.
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()<-[r:DERIVED_FROM]-(x:Model)
    WHERE ($relations IS NULL OR r.relation IN $relations) AND ((x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)){1,{{maxDepth}}}(d:Model)
WITH d, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS parentId
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(d.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(d.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (d)<-[:DERIVED_FROM]-(g:Model)
                                                     WHERE (g.releaseDate IS NULL AND $includeUndated) OR g.releaseDate <= $asOf } END DESC,
         CASE WHEN $orderBy IS NULL THEN depth END,
         d.id
WITH collect({model: d, depth: depth, via: via, parentId: parentId}) AS members
RETURN size(members) AS total, members[$offset..$offset + $limit] AS rows,
       [e IN members WHERE e.depth = {{maxDepth}} | e.model.id] AS atBound, [e IN members | e.model.id] AS family
