// The most downloaded members of the family ($members, from summary).
UNWIND $members AS id
MATCH (d:Model {id: id})
WHERE d.placeholder IS NULL OR d.placeholder = false
WITH d
ORDER BY coalesce(d.downloads, 0) DESC, d.id
LIMIT $limit
RETURN d AS model, coalesce(d.downloads, 0) AS value
