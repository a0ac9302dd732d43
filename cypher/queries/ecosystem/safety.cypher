// Descendants whose own derivation removed or degraded safety, and their share of the family's downloads.
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH DISTINCT d
WITH d, EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] } AS unsafe
RETURN count(CASE WHEN unsafe THEN 1 END) AS removedOrDegraded,
       sum(CASE WHEN unsafe THEN coalesce(d.downloads, 0) ELSE 0 END) AS unsafeDownloads,
       sum(coalesce(d.downloads, 0)) AS totalDownloads
