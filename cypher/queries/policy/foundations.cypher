// Foundation models (no parent, placeholders excluded) with their compute, developer and the safety-removing or
// -degrading descendants below them (once each), for upstream tiers. As of $asOf: only models released by then
// (undated ones when $includeUndated), reached through such models only; a model whose parents all came later is a
// foundation then.
MATCH (f:Model)
WHERE f.placeholder IS NULL
  AND ($asOf IS NULL OR (f.releaseDate IS NULL AND $includeUndated) OR f.releaseDate <= $asOf)
  AND NOT EXISTS {
    (f)-[:DERIVED_FROM]->(p)
    WHERE $asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf
  }
OPTIONAL MATCH (f)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
OPTIONAL MATCH (d:Model)
               ((:Model)-[:DERIVED_FROM]->(step:Model)
                 WHERE $asOf IS NULL OR (step.releaseDate IS NULL AND $includeUndated) OR step.releaseDate <= $asOf){1,50}
               (f)
  WHERE ($asOf IS NULL OR (d.releaseDate IS NULL AND $includeUndated) OR d.releaseDate <= $asOf)
    AND EXISTS { (d)-[r:DERIVED_FROM]->() WHERE r.safetyEffect IN ['REMOVED', 'DEGRADED'] }
WITH f, o, collect(DISTINCT d) AS removers
RETURN f.id AS foundation, coalesce(f.downloads, 0) AS downloads, f.releaseDate AS date,
       f.trainingComputeFlop AS computeFlop, f.generative AS generative, f.access AS access, o.id AS organization,
       o.kind AS organizationKind, o.country AS organizationCountry, size(removers) AS safetyRemovingDescendants,
       reduce(s = 0, d IN removers | s + coalesce(d.downloads, 0)) AS safetyRemovingDownloads
