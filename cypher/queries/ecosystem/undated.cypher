// Members without a release date of the family of the roots $ids (within {{maxDepth}} hops, derivations of $sources)
// as the graph stood on $asOf with undated models counted in: the undated models an as-of report included, or left
// out when it did not count them.
// The walk is summary's breadth-first expansion that visits each model once (the planner's pruning var-length expand:
// only the distinct members are kept and both filters are inlined into it); ANY SHORTEST built a path per member and
// cost several times as much on the 60,000-model family.
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
CALL (roots) {
  UNWIND roots AS root
  MATCH p = (root)<-[rs:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  WHERE all(r IN rs WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND all(n IN nodes(p) WHERE n = root OR n.releaseDate IS NULL OR n.releaseDate <= $asOf)
  RETURN DISTINCT d
}
WITH roots, d WHERE NOT d IN roots
  AND d.releaseDate IS NULL AND (d.placeholder IS NULL OR d.placeholder = false)
RETURN count(d) AS undated
