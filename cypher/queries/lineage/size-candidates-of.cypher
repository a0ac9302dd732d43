// The derivations touching the models $ids (as child or parent), for the plausibility check after a write.
UNWIND $ids AS id
MATCH (:Model {id: id})-[d:DERIVED_FROM]-(:Model)
WITH DISTINCT d
MATCH (c:Model)-[d]->(p:Model)
RETURN c.id AS child, p.id AS parent, d.relation AS relation, d.warnings AS warnings,
       c.parameters AS childParameters, c.parametersSource AS childSource, c.parametersEstimated AS childEstimated,
       p.parameters AS parentParameters, p.parametersSource AS parentSource, p.parametersEstimated AS parentEstimated
