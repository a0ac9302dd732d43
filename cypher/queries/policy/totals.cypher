// The whole graph's reach, the denominator of every share.
// As of $asOf: models released by then, undated ones when $includeUndated; `undated` counts the undated models,
// included or left out.
MATCH (m:Model) WHERE m.placeholder IS NULL
WITH m, m.releaseDate IS NULL AS undated,
     ($asOf IS NULL OR (m.releaseDate IS NULL AND $includeUndated) OR m.releaseDate <= $asOf) AS visible
RETURN count(CASE WHEN visible THEN m END) AS models,
       sum(CASE WHEN visible THEN coalesce(m.downloads, 0) ELSE 0 END) AS downloads,
       count(CASE WHEN undated THEN m END) AS undated
