// Findings and incidents recorded on the model or any ancestor, with the path down to the model; a derivation on
// the way that records it as mitigated stops the inheritance. As of $asOf (null = now): only through ancestors
// released by then (undated ones when $includeUndated), and only findings dated by then (undated ones count).
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()-[:DERIVED_FROM]->(seen:Model)
    WHERE $asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf){0,50}(a:Model)
MATCH (a)-[:HAS_FINDING|INVOLVED_IN]->(f)
WHERE $asOf IS NULL OR f.date IS NULL OR toString(f.date) <= $asOf
WITH f, a, p, [r IN relationships(p) WHERE f.id IN coalesce(r.mitigates, [])] AS mitigations
WHERE size(mitigations) = 0
RETURN f AS finding, labels(f)[0] AS kind, a.id AS recordedOn, length(p) AS depth,
       reverse([n IN nodes(p) | n.id]) AS path
ORDER BY depth, f.date DESC, f.id
