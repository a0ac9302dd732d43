// Members ($members, from summary) whose own derivation removed or degraded safety (of any source), and their share
// of the family's downloads.
UNWIND $members AS id
MATCH (d:Model {id: id})
WITH d, EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] } AS unsafe
RETURN count(CASE WHEN unsafe THEN 1 END) AS removedOrDegraded,
       sum(CASE WHEN unsafe THEN coalesce(d.downloads, 0) ELSE 0 END) AS unsafeDownloads,
       sum(coalesce(d.downloads, 0)) AS totalDownloads
