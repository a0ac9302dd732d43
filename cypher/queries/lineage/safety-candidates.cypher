// Derivations whose child may carry safety-removal evidence (tags, training sets, or an id or name with one of the
// words of $words), or that carry signals or a heuristic effect already; $ids limits it to those children (null = all).
MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
WHERE ($ids IS NULL OR c.id IN $ids)
  AND (d.safetySignals IS NOT NULL OR d.safetySource = 'heuristic' OR c.tags IS NOT NULL
       OR EXISTS { (c)-[:TRAINED_ON]->() } OR c.id =~ $words OR coalesce(c.name, '') =~ $words)
RETURN c.id AS child, c.name AS name, c.pipelineTag AS pipelineTag, coalesce(c.tags, []) AS tags,
       COLLECT { MATCH (c)-[:TRAINED_ON]->(s:Dataset) RETURN s.id } AS trainingSets, p.id AS parent,
       d.safetyEffect AS effect, d.safetySource AS safetySource, coalesce(d.safetySignals, []) AS signals
