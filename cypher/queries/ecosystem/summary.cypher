// Size, depth, leaves, external merges, the depth histogram and the derivations inside the family by relation, of
// everything derived from the roots $ids within {{maxDepth}} hops along derivations whose source is one of $sources
// (null = every source; 'hf' matches 'hf:tag', 'hf:list:adapters', …), from one traversal: summary, byDepth and
// byRelation share it. Placeholders are left out of the counts, not of the family (a derivation to a placeholder
// member is inside). A model reached from several roots counts once, at its smallest depth; a root reached from
// another root stays a root. As of $asOf (null = now): only models released by then (undated ones when
// $includeUndated) are reached.
// The walk is a breadth-first expansion that visits each model once (the planner's pruning var-length expand, chosen
// because only each model's smallest depth is kept and both filters are inlined into it): ANY SHORTEST built a path
// per model and cost about ten times as much on the 60,000-model family.
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
OPTIONAL CALL (roots) {
  UNWIND roots AS root
  MATCH p = (root)<-[rs:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  WHERE all(r IN rs WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND all(n IN nodes(p) WHERE $asOf IS NULL OR n = root OR (n.releaseDate IS NULL AND $includeUndated) OR n.releaseDate <= $asOf)
  WITH root, d, min(length(p)) AS depth
  WHERE NOT d IN roots
  RETURN d, min(depth) AS depth
}
WITH roots, collect(d) AS members, max(depth) AS reached,
     collect(CASE WHEN d.placeholder IS NULL OR d.placeholder = false THEN depth END) AS depths
WITH members, reached, depths, roots + members AS family
CALL (members) {
  UNWIND members AS d
  WITH d WHERE d.placeholder IS NULL OR d.placeholder = false
  RETURN count(d) AS totalDescendants,
         count(CASE WHEN NOT EXISTS { (d)<-[r:DERIVED_FROM]-(c:Model) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')) AND ($asOf IS NULL OR (c.releaseDate IS NULL AND $includeUndated) OR c.releaseDate <= $asOf) } THEN 1 END) AS leaves
}
// Each member's derivations once: inside the family (counted by relation) or to a model outside it (an external
// merge of a non-placeholder member when that parent existed at $asOf).
CALL (members, family) {
  UNWIND members AS d
  MATCH (d)-[r:DERIVED_FROM]->(x:Model)
  WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':')
  WITH d, r.relation AS relation, x, x IN family AS inside
  WITH inside, relation, count(*) AS edges,
       collect(DISTINCT CASE WHEN NOT inside AND (d.placeholder IS NULL OR d.placeholder = false)
         AND ($asOf IS NULL OR (x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf) THEN d END) AS merging
  WITH collect(CASE WHEN inside THEN {relation: relation, count: edges} END) AS byRelation, collect(merging) AS merging
  RETURN byRelation, COUNT { UNWIND merging AS ms UNWIND ms AS m RETURN DISTINCT m } AS externalMerges
}
CALL (depths) {
  UNWIND depths AS depth
  WITH depth, count(*) AS count
  RETURN collect({depth: depth, count: count}) AS byDepth
}
RETURN totalDescendants, coalesce(reached, 0) AS maxDepth, leaves, externalMerges, byDepth, byRelation,
       size(members) AS members
