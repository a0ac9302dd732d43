// The stored facts a row of upsert-models does not replace, as the keys to leave as they are (DateSources,
// SourcedFigure): a curator's figure, date, name or licence against any import's, and a publication date (Epoch AI's, Ecosystem
// Graphs', a curator's) against a Hugging Face repository's creation date or an SBOM's date that names no source.
// Each fact goes with its source (and a figure with its estimate flag, Epoch AI's compute with its confidence rating). Reads `existing` (the stored model,
// or null) and `row.props`.
CASE WHEN existing IS NULL THEN [] ELSE
  CASE WHEN existing.releaseDate IS NOT NULL AND row.props.releaseDate IS NOT NULL
        AND CASE {{include lineage/date-source}}
              WHEN 'manual' THEN 3 WHEN 'unknown' THEN 0 WHEN 'hf:created' THEN 1 WHEN 'cyclonedx' THEN 1 ELSE 2 END
          > CASE coalesce(row.props.releaseDateSource, 'unknown')
              WHEN 'manual' THEN 3 WHEN 'unknown' THEN 0 WHEN 'hf:created' THEN 1 WHEN 'cyclonedx' THEN 1 ELSE 2 END
       THEN ['releaseDate', 'releaseDateSource'] ELSE [] END
  + CASE WHEN existing.parametersSource = 'manual' AND row.props.parameters IS NOT NULL
          AND coalesce(row.props.parametersSource, '') <> 'manual'
       THEN ['parameters', 'parametersSource', 'parametersEstimated'] ELSE [] END
  + CASE WHEN existing.trainingComputeSource = 'manual' AND row.props.trainingComputeFlop IS NOT NULL
          AND coalesce(row.props.trainingComputeSource, '') <> 'manual'
       THEN ['trainingComputeFlop', 'trainingComputeSource', 'trainingComputeEstimated', 'computeConfidence']
       ELSE [] END
  // A curator's name and licence (a model registered or updated by hand) against a source's (the Hub names a model
  // by its id); a backup's row (no source) restores what it holds.
  + CASE WHEN 'manual' IN coalesce(existing.sources, []) AND row.source IS NOT NULL AND row.source <> 'manual'
       THEN [k IN ['name', 'license'] WHERE existing[k] IS NOT NULL AND row.props[k] IS NOT NULL] ELSE [] END
END
