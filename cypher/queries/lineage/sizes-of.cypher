// The parameter counts of the models $ids with their provenance (for the plausibility of a curated derivation).
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m.id AS id, m.parameters AS parameters, m.parametersSource AS source, m.parametersEstimated AS estimated
