MATCH (m:Model)
WHERE ($search IS NULL OR m.searchText CONTAINS $search)
  AND ($developerId IS NULL OR m.developerId = $developerId)
  AND ($license IS NULL OR m.license = $license)
  AND ($relation IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.relation = $relation })
  AND ($safetyEffect IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.safetyEffect = $safetyEffect })
  AND ($hasParents IS NULL OR EXISTS { (m)-[:DERIVED_FROM]->() } = $hasParents)
  AND ($includePlaceholders OR m.placeholder IS NULL OR m.placeholder = false)
RETURN count(m) AS total
