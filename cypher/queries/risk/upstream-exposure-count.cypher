MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,50}(d:Model)
WHERE EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] OR r.capabilityEffect = 'INCREASED' }
RETURN count(DISTINCT d) AS total, sum(coalesce(d.downloads, 0)) AS downloads
