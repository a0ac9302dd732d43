// The safety signals of derivations, and where no source declared an effect, the effect they imply (REMOVED with
// source 'heuristic' and the strongest signal's confidence; none when no signal is left).
UNWIND $rows AS row
// Both ends by id, then the edge between them (existing-derivations.cypher: a path from one seek may start at a
// family root and read every child's id per row).
MATCH (c:Model {id: row.child})
MATCH (p:Model {id: row.parent})
MATCH (c)-[d:DERIVED_FROM]->(p)
SET d.safetySignals = CASE WHEN size(row.signals) = 0 THEN null ELSE row.signals END
WITH d, row WHERE row.heuristic
SET d.safetyEffect = row.effect, d.safetySource = row.source, d.safetyConfidence = row.confidence
RETURN count(d) AS updated
