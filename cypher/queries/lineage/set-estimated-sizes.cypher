// Parameter counts estimated from names: only where no figure is known, so a counted or reported figure always wins
// (and a later import that brings one replaces the estimate).
UNWIND $rows AS row
MATCH (m:Model {id: row.id})
WHERE m.parameters IS NULL
SET m.parameters = row.parameters, m.parametersSource = 'name', m.parametersEstimated = true
RETURN count(m) AS estimated
