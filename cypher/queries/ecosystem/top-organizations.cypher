// Organisations across the whole graph, ranked by $orderBy: MODELS they developed (placeholders excluded), those
// models' DOWNLOADS, or DERIVATIVES: distinct models of other developers (or of none recorded) derived from theirs,
// at any depth up to 50. $modelSources (model sources, e.g. 'huggingface') and $sources (derivation source prefixes,
// e.g. 'hf') restrict both to one source when not null; ties by organisation id. One scan of the models, and
// traversals only from models that have derivatives (most have none). As of $asOf (null = now): only models released
// by then (undated ones when $includeUndated) count, developed or derived.
MATCH (m:Model)
WHERE m.developerId IS NOT NULL AND (m.placeholder IS NULL OR m.placeholder = false)
  AND ($modelSources IS NULL OR any(s IN m.sources WHERE s IN $modelSources))
  AND ($asOf IS NULL OR (m.releaseDate IS NULL AND $includeUndated) OR m.releaseDate <= $asOf)
WITH m.developerId AS developerId, collect(m) AS models, sum(coalesce(m.downloads, 0)) AS downloads
CALL (developerId, models) {
  UNWIND models AS m
  WITH m WHERE EXISTS { (m)<-[:DERIVED_FROM]-(:Model) }
  MATCH p = ANY SHORTEST (m)(()<-[r:DERIVED_FROM]-(seen) WHERE ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
      AND ($asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf)){1,50}(d:Model)
  WHERE (d.developerId IS NULL OR d.developerId <> developerId) AND (d.placeholder IS NULL OR d.placeholder = false)
  RETURN count(DISTINCT d) AS derivatives
}
WITH developerId, size(models) AS models, downloads, derivatives
ORDER BY CASE $orderBy WHEN 'DOWNLOADS' THEN downloads WHEN 'DERIVATIVES' THEN derivatives ELSE models END DESC,
         developerId
LIMIT $limit
MATCH (o:Organization {id: developerId})
RETURN o AS organization, models, downloads, derivatives
