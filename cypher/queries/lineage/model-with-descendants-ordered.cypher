// model-with-descendants-filtered without the relations filter, for an order other than the default ($orderBy not
// null): $id's model with one page of its whole family up to {{maxDepth}} hops in descendants-order-by's order by
// $orderBy (ties by id), and the family's total, from one traversal; as descendants-order-by, the family is ordered
// whole. A family of $keepFrom members or more also answers its whole order (ids, depths, parents), kept by the family
// index for later pages; a smaller one answers its members' ids when $keepMembers (lineage/KeptAnswers). Of the model,
// the page's members and their derivations it returns only the properties named in $rootProperties, $modelProperties
// and $viaProperties. (An inline relations predicate costs the shortest-path planner about twice the time, so the
// unfiltered family has its own statement, as descendants-order has.)
MATCH (root:Model {id: $id})
OPTIONAL CALL (root) {
  MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
  RETURN d, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS parentId
}
WITH root, d, depth, via, parentId
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN coalesce(d.downloads, -1) END DESC,
         CASE $orderBy WHEN 'CREATED' THEN coalesce(d.releaseDate, '') END DESC,
         CASE $orderBy WHEN 'CHILDREN' THEN COUNT { (d)<-[:DERIVED_FROM]-(:Model) } END DESC,
         CASE WHEN $orderBy IS NULL THEN depth END,
         d.id
WITH root, collect(CASE WHEN d IS NOT NULL THEN {model: d, depth: depth, via: via, parentId: parentId} END) AS family
RETURN [k IN $rootProperties | root[k]] AS model, size(family) AS total, $offset AS start,
       [x IN family[$offset..$offset + $limit] | {model: [k IN $modelProperties | x.model[k]], depth: x.depth,
         via: [k IN $viaProperties | x.via[k]], parentId: x.parentId}] AS page,
       CASE WHEN size(family) >= $keepFrom THEN [x IN family | [x.model.id, x.depth, x.parentId]] END AS order,
       CASE WHEN $keepMembers AND size(family) < $keepFrom THEN [x IN family | x.model.id] END AS members
