// Every derivation with what a scenario's predicates may ask about it: the modified model (reach, date, developer
// and its kind and country), the step (relation, effects, compute) and the upstream model (compute, access, licence).
// As of $asOf: only models released by then (undated ones when $includeUndated), at both ends.
MATCH (c:Model)-[r:DERIVED_FROM]->(p:Model)
WHERE c.placeholder IS NULL AND ($asOf IS NULL OR (c.releaseDate IS NULL AND $includeUndated) OR c.releaseDate <= $asOf)
  AND ($asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf)
OPTIONAL MATCH (c)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
OPTIONAL MATCH (pl:License {id: toLower(p.license)})
RETURN c.id AS child, coalesce(c.downloads, 0) AS downloads, c.releaseDate AS date, o.id AS organization,
       o.kind AS organizationKind, o.country AS organizationCountry, r.relation AS relation,
       coalesce(r.safetyEffect, 'UNKNOWN') AS safetyEffect, coalesce(r.capabilityEffect, 'UNKNOWN') AS capabilityEffect,
       r.computeFlop AS computeFlop, c.trainingComputeFlop AS childComputeFlop, p.id AS parent,
       p.trainingComputeFlop AS parentComputeFlop, p.access AS parentAccess,
       coalesce(pl.useRestrictions, false) AS parentLicenseRestricted
