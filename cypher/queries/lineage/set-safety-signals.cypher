// The safety signals of derivations, and where no source declared an effect, the effect they imply (REMOVED with
// source 'heuristic' and the strongest signal's confidence; none when no signal is left).
UNWIND $rows AS row
MATCH (:Model {id: row.child})-[d:DERIVED_FROM]->(:Model {id: row.parent})
SET d.safetySignals = CASE WHEN size(row.signals) = 0 THEN null ELSE row.signals END
WITH d, row WHERE row.heuristic
SET d.safetyEffect = row.effect, d.safetySource = row.source, d.safetyConfidence = row.confidence
RETURN count(d) AS updated
