// Foundations (models with derivatives and no parent) across the whole graph, by family size or by the downloads of
// the family (the foundation's and each distinct descendant's, once). As of
// $asOf (null = now): only models released by then (undated ones when $includeUndated) count, as foundations, parents
// and descendants.
MATCH (r:Model)
WHERE ($asOf IS NULL OR (r.releaseDate IS NULL AND $includeUndated) OR r.releaseDate <= $asOf)
  AND NOT EXISTS { (r)-[:DERIVED_FROM]->(p:Model) WHERE ($asOf IS NULL OR (p.releaseDate IS NULL AND $includeUndated) OR p.releaseDate <= $asOf) }
  AND EXISTS { (r)<-[:DERIVED_FROM]-(c:Model) WHERE ($asOf IS NULL OR (c.releaseDate IS NULL AND $includeUndated) OR c.releaseDate <= $asOf) }
CALL (r) {
  MATCH (r)(()<-[:DERIVED_FROM]-(x:Model) WHERE ($asOf IS NULL OR (x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)){1,50}(d:Model)
  WITH DISTINCT d
  RETURN count(d) AS descendants, sum(coalesce(d.downloads, 0)) AS descendantDownloads
}
WITH r, descendants, coalesce(r.downloads, 0) + descendantDownloads AS downloads
ORDER BY CASE WHEN $orderBy = 'DOWNLOADS' THEN downloads ELSE descendants END DESC, r.id
LIMIT $limit
RETURN r AS model, descendants, downloads
