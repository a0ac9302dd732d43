// As of $asOf (models released by then; undated ones when $includeUndated): every derived model (of the whole graph, or of one foundation's family when $foundationId is set) with its date,
// its developer and its kind, and the relations and safety effects of the derivations that made it.
CALL (*) {
  WITH $foundationId AS root WHERE root IS NULL
  MATCH (c:Model) WHERE c.placeholder IS NULL AND EXISTS { (c)-[:DERIVED_FROM]->(p) WHERE ($asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf) }
  RETURN c
  UNION
  WITH $foundationId AS root WHERE root IS NOT NULL
  // Through models present then; the derivative itself may be undated (the caller counts those it leaves out).
  MATCH (:Model {id: root})
        ((:Model)<-[:DERIVED_FROM]-(step:Model)
          WHERE $asOf IS NULL OR (step.releaseDate IS NULL AND $includeUndated) OR step.releaseDate <= $asOf){0,49}
        (:Model)<-[:DERIVED_FROM]-(c:Model)
  WHERE c.placeholder IS NULL
  RETURN DISTINCT c
}
// Undated derivatives stay in either way: the caller counts those it leaves out.
WITH c WHERE $asOf IS NULL OR c.releaseDate IS NULL OR c.releaseDate <= $asOf
MATCH (c)-[r:DERIVED_FROM]->(p) WHERE ($asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf)
OPTIONAL MATCH (c)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
RETURN c.id AS model, c.releaseDate AS date, o.id AS organization, coalesce(o.kind, 'unknown') AS organizationKind,
       collect(DISTINCT r.relation) AS relations, collect(DISTINCT coalesce(r.safetyEffect, 'UNKNOWN')) AS safetyEffects
