// Derivations whose sizes can be compared (both ends have a parameter count) or that carry a warning already, for
// the plausibility check of the whole graph.
MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
WHERE (c.parameters IS NOT NULL AND p.parameters IS NOT NULL) OR d.warnings IS NOT NULL
RETURN c.id AS child, p.id AS parent, d.relation AS relation, d.warnings AS warnings,
       c.parameters AS childParameters, c.parametersSource AS childSource, c.parametersEstimated AS childEstimated,
       p.parameters AS parentParameters, p.parametersSource AS parentSource, p.parametersEstimated AS parentEstimated
