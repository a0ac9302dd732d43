// $id's model with one page of its descendants up to {{maxDepth}} hops through derivations of $relations only (each
// once at its smallest depth along such a chain, via = the derivation through which it was first reached), in
// descendants-order-filtered's order ($orderBy null: depth, then id; else the whole family by $orderBy, ties by id),
// and their total, from one traversal: one round trip serves `model { descendants(relations: …) { totalCount edges
// { … } } }`. As descendants-order-filtered, the filtered family is ordered whole (no hub is walked level by level).
// A family of $keepFrom members or more also answers its whole order (ids, depths, parents), which the server keeps
// for later pages (lineage/FamilyIndex); a smaller one answers its members' ids when $keepMembers, and the server keeps
// the answer until a write touches one of them (lineage/KeptAnswers). Of the model, the page's members and their
// derivations it returns only the properties named in $rootProperties, $modelProperties and $viaProperties: those the
// selection reads.
MATCH (root:Model {id: $id})
OPTIONAL CALL (root) {
  MATCH p = ANY SHORTEST (root)(()<-[r:DERIVED_FROM]-() WHERE r.relation IN $relations){1,{{maxDepth}}}(d:Model)
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
