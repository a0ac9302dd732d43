// The whole graph's reach, the denominator of every share.
MATCH (m:Model) WHERE m.placeholder IS NULL
RETURN count(m) AS models, sum(coalesce(m.downloads, 0)) AS downloads
