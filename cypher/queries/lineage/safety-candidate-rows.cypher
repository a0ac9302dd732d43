// What makes a derivation `d` of child `c` to parent `p` a safety candidate, and the row SafetyChecks reads of it:
// its child may carry safety-removal evidence (tags, training sets, or an id or name with one of the words of
// $words), or it carries signals or a heuristic effect already. Included by safety-candidates (the whole graph) and
// safety-candidates-of (the children $ids), so both ask the same.
WHERE d.safetySignals IS NOT NULL OR d.safetySource = 'heuristic' OR c.tags IS NOT NULL
      OR EXISTS { (c)-[:TRAINED_ON]->() } OR c.id =~ $words OR coalesce(c.name, '') =~ $words
RETURN c.id AS child, c.name AS name, c.pipelineTag AS pipelineTag, coalesce(c.tags, []) AS tags,
       COLLECT { MATCH (c)-[:TRAINED_ON]->(s:Dataset) RETURN s.id } AS trainingSets, p.id AS parent,
       d.safetyEffect AS effect, d.safetySource AS safetySource, coalesce(d.safetySignals, []) AS signals
