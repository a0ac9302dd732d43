// The derivations touching the models $ids (as child or parent) whose sizes can be compared (both ends have a parameter
// count) or that carry a warning already, for the plausibility check after a write: the same filter as
// size-candidates.cypher, since any other derivation keeps no size warning and gains none (an edge list over stored
// models read every derivation of every model it named, half of them without a size at either end).
UNWIND $ids AS id
MATCH (:Model {id: id})-[d:DERIVED_FROM]-(:Model)
WITH DISTINCT d
MATCH (c:Model)-[d]->(p:Model)
WHERE (c.parameters IS NOT NULL AND p.parameters IS NOT NULL) OR d.warnings IS NOT NULL
RETURN c.id AS child, p.id AS parent, d.relation AS relation, d.warnings AS warnings,
       c.parameters AS childParameters, c.parametersSource AS childSource, c.parametersEstimated AS childEstimated,
       p.parameters AS parentParameters, p.parametersSource AS parentSource, p.parametersEstimated AS parentEstimated
