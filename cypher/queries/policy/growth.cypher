// Every derived model (of the whole graph, or of one foundation's family when $foundationId is set) with its date,
// its developer and its kind, and the relations and safety effects of the derivations that made it.
CALL (*) {
  WITH $foundationId AS root WHERE root IS NULL
  MATCH (c:Model) WHERE c.placeholder IS NULL AND EXISTS { (c)-[:DERIVED_FROM]->() }
  RETURN c
  UNION
  WITH $foundationId AS root WHERE root IS NOT NULL
  MATCH (:Model {id: root})<-[:DERIVED_FROM]-{1,50}(c:Model)
  WHERE c.placeholder IS NULL
  RETURN DISTINCT c
}
MATCH (c)-[r:DERIVED_FROM]->()
OPTIONAL MATCH (c)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
RETURN c.id AS model, c.releaseDate AS date, o.id AS organization, coalesce(o.kind, 'unknown') AS organizationKind,
       collect(DISTINCT r.relation) AS relations, collect(DISTINCT coalesce(r.safetyEffect, 'UNKNOWN')) AS safetyEffects
