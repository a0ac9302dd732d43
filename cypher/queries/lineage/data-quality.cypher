// What the graph lacks, in one row: described models without developer, licence, date, compute or parameters, and
// derivations that are incomplete merges, carry only a heuristic safety signal, or lack compute.
CALL () {
  MATCH (m:Model) WHERE m.placeholder IS NULL
  RETURN count(m) AS models,
         count(CASE WHEN m.developerId IS NULL THEN 1 END) AS withoutDeveloper,
         count(CASE WHEN m.license IS NULL THEN 1 END) AS withoutLicense,
         count(CASE WHEN m.releaseDate IS NULL THEN 1 END) AS withoutDate,
         count(CASE WHEN m.trainingComputeFlop IS NULL THEN 1 END) AS withoutCompute,
         count(CASE WHEN m.parameters IS NULL THEN 1 END) AS withoutParameters
}
CALL () {
  MATCH ()-[r:DERIVED_FROM]->()
  RETURN count(r) AS derivations,
         count(CASE WHEN r.incomplete = true THEN 1 END) AS incompleteMerges,
         count(CASE WHEN r.safetySource = 'heuristic' THEN 1 END) AS heuristicSafetySignals,
         count(CASE WHEN r.computeFlop IS NULL THEN 1 END) AS derivationsWithoutCompute
}
CALL () {
  MATCH (p:Model {placeholder: true})
  RETURN count(p) AS placeholders
}
RETURN models, withoutDeveloper, withoutLicense, withoutDate, withoutCompute, withoutParameters, derivations,
       incompleteMerges, heuristicSafetySignals, derivationsWithoutCompute, placeholders
