// Foundations (models with derivatives and no parent) across the whole graph, by family size or own downloads.
MATCH (r:Model)
WHERE NOT EXISTS { (r)-[:DERIVED_FROM]->(:Model) } AND EXISTS { (r)<-[:DERIVED_FROM]-(:Model) }
CALL (r) {
  MATCH (r)<-[:DERIVED_FROM]-{1,50}(d:Model)
  RETURN count(DISTINCT d) AS descendants
}
WITH r, descendants
ORDER BY CASE WHEN $orderBy = 'DOWNLOADS' THEN coalesce(r.downloads, 0) ELSE descendants END DESC, r.id
LIMIT $limit
RETURN r AS model, descendants, coalesce(r.downloads, 0) AS downloads
