// The stored id of a model typed in another case, or named by one of its aliases (a source's name for it),
// case-insensitively; the full-text search index narrows the candidates first.
MATCH (m:Model)
WHERE m.searchText CONTAINS toLower($id)
  AND (toLower(m.id) = toLower($id) OR any(a IN coalesce(m.aliases, []) WHERE toLower(a) = toLower($id)))
RETURN DISTINCT m.id AS id, toLower(m.id) = toLower($id) AS byId
ORDER BY byId DESC, id
LIMIT 3
