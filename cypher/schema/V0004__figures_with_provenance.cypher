// Stored figures say where they come from (parametersSource / parametersEstimated, trainingComputeSource /
// trainingComputeEstimated), resolved parents say how they were resolved (resolution, resolutionConfidence), and a
// heuristic safety effect lists its signals (safetySignals). The seed re-runs once for this release and writes all
// of it for the seeded facts; this upgrades what an earlier release stored otherwise (a user's imports, curated
// writes), without a re-import.
MATCH (m:Model) WHERE m.parameters IS NOT NULL AND m.parametersSource IS NULL
SET m.parametersSource = CASE
      WHEN 'manual' IN coalesce(m.sources, []) THEN 'manual'
      WHEN 'epoch' IN coalesce(m.sources, []) THEN 'epoch'
      WHEN 'huggingface' IN coalesce(m.sources, []) THEN 'hf:safetensors'
      ELSE 'unknown' END,
    m.parametersEstimated = false;
MATCH (m:Model) WHERE m.trainingComputeFlop IS NOT NULL AND m.trainingComputeSource IS NULL
SET m.trainingComputeSource = CASE
      WHEN m.computeConfidence IS NOT NULL THEN 'epoch'
      WHEN 'manual' IN coalesce(m.sources, []) THEN 'manual'
      ELSE 'unknown' END,
    m.trainingComputeEstimated = m.computeConfidence IS NOT NULL AND toLower(m.computeConfidence) <> 'confident';
// Placeholders resolved by the earlier release matched a curated alias exactly.
MATCH ()-[d:DERIVED_FROM]->() WHERE d.resolvedFrom IS NOT NULL AND d.resolution IS NULL
SET d.resolution = 'exact', d.resolutionConfidence = 1.0;
// The earlier release's name heuristic: the child's id was its evidence (a tag or a training set leaves no trace to
// recover; those effects keep their source and confidence without a signal listed).
MATCH (c:Model)-[d:DERIVED_FROM]->() WHERE d.safetySource = 'heuristic' AND d.safetySignals IS NULL
  AND c.id =~ '(?i).*(abliterat|uncensor|decensor|no[-_ ]?refusal|unaligned|unfiltered[-_ ]?chat|jailbr[eo]k).*'
SET d.safetySignals = ['NAME|0.60|id||' + c.id]
