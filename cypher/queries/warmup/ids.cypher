// Ids the start-up warm-up sends its canned documents with: models with parents (ancestors, parents, liability
// trace, search) and roots of small families (descendants, derivatives grouped by relation), $limit of each.
CALL () {
  MATCH (m:Model)
  WHERE EXISTS { (m)-[:DERIVED_FROM]->(:Model) }
  RETURN 'child' AS kind, m.id AS id
  LIMIT $limit
  UNION ALL
  MATCH (m:Model)
  WHERE NOT EXISTS { (m)-[:DERIVED_FROM]->(:Model) } AND EXISTS { (m)<-[:DERIVED_FROM]-(:Model) }
    AND COUNT { (m)<-[:DERIVED_FROM]-(:Model) } <= 100
  RETURN 'root' AS kind, m.id AS id
  LIMIT $limit
}
RETURN kind, id
