// Models matching the filter; every filter argument is optional (null = no constraint). With a search, exact id or
// name matches (or the id's name part after "/") come first, then prefixes (of the id, its name part after "/", or the name), then other substrings;
// within each, most downloaded first, then by id. Without a search, by id.
MATCH (m:Model)
WHERE ($search IS NULL OR m.searchText CONTAINS $search)
  AND ($developerId IS NULL OR m.developerId = $developerId)
  AND ($license IS NULL OR m.license = $license)
  AND ($relation IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.relation = $relation })
  AND ($safetyEffect IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.safetyEffect = $safetyEffect })
  AND ($tag IS NULL OR any(t IN coalesce(m.tags, []) WHERE toLower(t) = $tag))
  AND ($hasParents IS NULL OR EXISTS { (m)-[:DERIVED_FROM]->() } = $hasParents)
  AND ($includePlaceholders OR m.placeholder IS NULL OR m.placeholder = false)
WITH m, CASE
         WHEN $search IS NULL THEN 0
         WHEN toLower(m.id) = $search OR toLower(coalesce(m.name, '')) = $search
              OR toLower(coalesce(split(m.id, '/')[1], '')) = $search THEN 0
         WHEN toLower(m.id) STARTS WITH $search OR toLower(coalesce(m.name, '')) STARTS WITH $search
              OR toLower(coalesce(split(m.id, '/')[1], '')) STARTS WITH $search THEN 1
         ELSE 2 END AS rank
WITH m ORDER BY rank, CASE WHEN $search IS NULL THEN 0 ELSE -coalesce(m.downloads, 0) END, m.id
SKIP $offset LIMIT $limit
RETURN m AS model
