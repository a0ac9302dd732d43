// model-with-descendants for a selection that reads no member's derivation (`via`): the same model, page, total,
// start, hub rule, order and members, with each member's depth from a pruning breadth-first expand, which costs the
// database about a quarter less than the shortest paths that name a member's derivation and parent (issue 12,
// session 19). A family of $keepFrom members or more is traversed a second time for its order with each member's
// parent, which the family index keeps for later pages (they may read `via`). $keepMembers: whether the caller keeps
// the answer (lineage/KeptAnswers); without it no member list is returned.
{{include lineage/family-hub}}
OPTIONAL CALL (root, hub) {
  WITH root WHERE NOT hub
  MATCH p = (root)<-[:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  RETURN d, min(length(p)) AS depth
}
WITH root, fanOut, hub, d, depth
ORDER BY depth, d.id
WITH root, fanOut, hub, collect(CASE WHEN d IS NOT NULL THEN {model: d, depth: depth} END) AS family
// The page's start: after its cursor's entry, or at $offset.
{{include lineage/family-page-start}}
OPTIONAL CALL (root, family) {
  WITH root WHERE size(family) >= $keepFrom
  MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
  WITH d, length(p) AS depth, nodes(p)[-2].id AS parentId
  ORDER BY depth, d.id
  RETURN collect([d.id, depth, parentId]) AS order
}
RETURN [k IN $rootProperties | root[k]] AS model, fanOut, hub, size(family) AS total, start,
       [x IN family[start..start + $limit] | {model: [k IN $modelProperties | x.model[k]], depth: x.depth}] AS page,
       CASE WHEN size(family) >= $keepFrom THEN order END AS order,
       CASE WHEN $keepMembers AND size(family) < $keepFrom AND NOT hub THEN [x IN family | x.model.id] END AS members
