// Members by primary developer, largest first (the family of summary: roots $ids, derivations of $sources); every
// member summary counts once (placeholders are not), those without a recorded developer as UNKNOWN, so the counts
// add up to totalDescendants.
// As of $asOf (null = now): only models released by then (undated ones when $includeUndated) are reached.
// The walk is summary's breadth-first expansion that visits each model once (the planner's pruning var-length expand:
// only the distinct members are kept and both filters are inlined into it); ANY SHORTEST built a path per member and
// cost several times as much on the 60,000-model family.
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
CALL (roots) {
  UNWIND roots AS root
  MATCH p = (root)<-[rs:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  WHERE all(r IN rs WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND all(n IN nodes(p) WHERE $asOf IS NULL OR n = root OR (n.releaseDate IS NULL AND $includeUndated) OR n.releaseDate <= $asOf)
  RETURN DISTINCT d
}
WITH roots, d WHERE NOT d IN roots AND (d.placeholder IS NULL OR d.placeholder = false)
WITH coalesce(d.developerId, 'UNKNOWN') AS organization, count(d) AS count
ORDER BY count DESC, organization
LIMIT $limit
OPTIONAL MATCH (o:Organization {id: organization})
RETURN organization, o.name AS name, count
ORDER BY count DESC, organization
