// Foundation models (no parent, placeholders excluded) with their compute, developer and the safety-removing or -degrading descendants below
// them (once each), for upstream tiers.
MATCH (f:Model)
WHERE f.placeholder IS NULL AND NOT EXISTS { (f)-[:DERIVED_FROM]->() }
OPTIONAL MATCH (f)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
OPTIONAL MATCH (d:Model)-[:DERIVED_FROM]->{1,50}(f)
  WHERE EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] }
WITH f, o, collect(DISTINCT d) AS removers
RETURN f.id AS foundation, coalesce(f.downloads, 0) AS downloads, f.releaseDate AS date,
       f.trainingComputeFlop AS computeFlop, f.generative AS generative, f.access AS access, o.id AS organization,
       o.kind AS organizationKind, o.country AS organizationCountry, size(removers) AS safetyRemovingDescendants,
       reduce(s = 0, d IN removers | s + coalesce(d.downloads, 0)) AS safetyRemovingDownloads
