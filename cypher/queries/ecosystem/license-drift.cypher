// Every derivation inside the family, its licence change classified through the License catalogue; flagged when
// the child is more permissive than a parent whose licence restricts use or redistribution.
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH root, collect(DISTINCT d) AS members
WITH [root] + members AS family, members
UNWIND members AS c
MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
WHERE parent IN family
OPTIONAL MATCH (lc:License {id: c.license})
OPTIONAL MATCH (lp:License {id: parent.license})
WITH c, r, parent,
     CASE WHEN lc IS NULL OR lp IS NULL THEN 'UNKNOWN'
          WHEN c.license = parent.license OR lc.rank = lp.rank THEN 'SAME'
          WHEN lc.rank > lp.rank THEN 'MORE_PERMISSIVE'
          ELSE 'MORE_RESTRICTIVE' END AS drift,
     coalesce(lp.useRestrictions, false) AS parentRestricts
RETURN drift, parentRestricts AND drift = 'MORE_PERMISSIVE' AS flagged, r AS via, c.id AS childId,
       parent.id AS parentId, c.license AS childLicense, parent.license AS parentLicense
ORDER BY flagged DESC, c.id
