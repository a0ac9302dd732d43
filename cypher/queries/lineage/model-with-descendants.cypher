// $id's model with one page of its descendants up to {{maxDepth}} hops in the contract's order (depth, then id; each
// once at its smallest depth, via = the derivation through which it was first reached) and their total, from one
// traversal: one round trip serves `model { descendants { totalCount edges { node { … } } } }`. A family of $keepFrom
// members or more also answers its whole order (ids, depths, parents), which the server keeps for later pages
// (lineage/FamilyIndex) instead of walking it again. A hub is not traversed here: a model whose direct derivatives fill
// the page ($walkFrom or more) and whose family reaches $keepFrom members (its first level alone, or the first
// $keepFrom distinct members a bounded walk finds); `hub` says so, and the caller walks it level by level
// (descendants-walk.cypher), so its first page does not order the whole family. A smaller family, whatever its first
// level, is one traversal here, and answers its members' ids when $keepMembers: the server keeps the answer until a
// write touches one of them (lineage/KeptAnswers). Of the model, the page's members and their derivations it returns
// only the properties named in $rootProperties, $modelProperties and $viaProperties, in that order: those the request's
// selection reads.
{{include lineage/family-hub}}
OPTIONAL CALL (root, hub) {
  WITH root WHERE NOT hub
  MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
  RETURN d, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS parentId
}
WITH root, fanOut, hub, d, depth, via, parentId
ORDER BY depth, d.id
WITH root, fanOut, hub, collect(CASE WHEN d IS NOT NULL THEN {model: d, depth: depth, via: via, parentId: parentId} END) AS family
// The page's start: after its cursor's entry, or at $offset.
{{include lineage/family-page-start}}
RETURN [k IN $rootProperties | root[k]] AS model, fanOut, hub, size(family) AS total, start,
       [x IN family[start..start + $limit] | {model: [k IN $modelProperties | x.model[k]], depth: x.depth,
         via: [k IN $viaProperties | x.via[k]], parentId: x.parentId}] AS page,
       CASE WHEN size(family) >= $keepFrom THEN [x IN family | [x.model.id, x.depth, x.parentId]] END AS order,
       CASE WHEN $keepMembers AND size(family) < $keepFrom AND NOT hub THEN [x IN family | x.model.id] END AS members
