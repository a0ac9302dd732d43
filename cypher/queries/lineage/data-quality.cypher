// What the graph lacks, in one row: described models without developer, licence, date, compute or parameters, and
// derivations that are incomplete merges, carry only a heuristic safety signal, or lack compute; models whose
// parameter count is an estimate (read from the name); derivations with safety signals; derivations with warnings.
CALL () {
  MATCH (m:Model) WHERE m.placeholder IS NULL
  RETURN count(m) AS models,
         count(CASE WHEN m.developerId IS NULL THEN 1 END) AS withoutDeveloper,
         count(CASE WHEN m.license IS NULL THEN 1 END) AS withoutLicense,
         count(CASE WHEN m.releaseDate IS NULL THEN 1 END) AS withoutDate,
         count(CASE WHEN m.trainingComputeFlop IS NULL THEN 1 END) AS withoutCompute,
         count(CASE WHEN m.parameters IS NULL THEN 1 END) AS withoutParameters,
         count(CASE WHEN m.parametersEstimated = true THEN 1 END) AS estimatedParameters
}
CALL () {
  MATCH ()-[r:DERIVED_FROM]->()
  RETURN count(r) AS derivations,
         count(CASE WHEN r.incomplete = true THEN 1 END) AS incompleteMerges,
         count(CASE WHEN r.safetySource = 'heuristic' THEN 1 END) AS heuristicSafetySignals,
         count(CASE WHEN r.computeFlop IS NULL THEN 1 END) AS derivationsWithoutCompute,
         count(CASE WHEN size(coalesce(r.safetySignals, [])) > 0 THEN 1 END) AS withSafetySignals,
         count(CASE WHEN size(coalesce(r.warnings, [])) > 0 THEN 1 END) AS withWarnings
}
CALL () {
  MATCH (p:Model {placeholder: true})
  RETURN count(p) AS placeholders
}
RETURN models, withoutDeveloper, withoutLicense, withoutDate, withoutCompute, withoutParameters, estimatedParameters,
       derivations, incompleteMerges, heuristicSafetySignals, derivationsWithoutCompute, withSafetySignals,
       withWarnings, placeholders
