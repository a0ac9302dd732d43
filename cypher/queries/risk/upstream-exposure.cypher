// Descendants of a foundation whose own derivation removed or degraded safety or increased capability, most-used
// first, with the path from the foundation.
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,50}(d:Model)
MATCH (d)-[r:DERIVED_FROM]->(parent:Model)
WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] OR r.capabilityEffect = 'INCREASED'
WITH d, p, r, parent ORDER BY coalesce(d.downloads, 0) DESC, d.id
WITH d, head(collect({p: p, r: r, parent: parent})) AS first
WITH d, first ORDER BY coalesce(d.downloads, 0) DESC, d.id
SKIP $offset LIMIT $limit
RETURN d AS model, length(first.p) AS depth, [n IN nodes(first.p) | n.id] AS path, first.r AS via,
       first.parent.id AS parentId, d.developerId AS organizationId
