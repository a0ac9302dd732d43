// Every derivation inside the family (roots $ids, derivations of $sources; both ends members or roots), its licence
// change classified through the License catalogue; flagged when the child is more permissive than a parent whose
// licence restricts use or redistribution. One row per kind: its count, its flagged count and its first $limit
// flagged derivations by child id (the family's derivations never leave the database one by one).
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
WITH roots, d WHERE NOT d IN roots
WITH roots, collect(d) AS members
WITH roots + members AS family, members
UNWIND members AS c
MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
WHERE parent IN family AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
OPTIONAL MATCH (lc:License {id: c.license})
OPTIONAL MATCH (lp:License {id: parent.license})
WITH c, r, parent,
     CASE WHEN lc IS NULL OR lp IS NULL THEN 'UNKNOWN'
          WHEN c.license = parent.license OR lc.rank = lp.rank THEN 'SAME'
          WHEN lc.rank > lp.rank THEN 'MORE_PERMISSIVE'
          ELSE 'MORE_RESTRICTIVE' END AS drift,
     coalesce(lp.useRestrictions, false) AS parentRestricts
WITH r, drift, parentRestricts AND drift = 'MORE_PERMISSIVE' AS flagged, c.id AS childId, parent.id AS parentId,
     c.license AS childLicense, parent.license AS parentLicense
ORDER BY childId
WITH drift, count(*) AS count, count(CASE WHEN flagged THEN 1 END) AS flaggedCount,
     collect(CASE WHEN flagged THEN {via: r, childId: childId, parentId: parentId, childLicense: childLicense,
                                     parentLicense: parentLicense} END)[0..$limit] AS flagged
RETURN drift, count, flaggedCount, flagged
ORDER BY drift
