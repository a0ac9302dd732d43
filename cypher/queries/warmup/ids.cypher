// Ids the start-up warm-up sends its canned documents with: models with parents (ancestors, parents, liability
// trace, search) and roots of small families (descendants, derivatives grouped by relation), $limit of each, and the
// largest hub (the most direct derivatives, more than a page: its descendants are walked, lineage/LineageQueries), the
// store's costliest first page, whose page, count and ecosystem summary are then kept until a write reaches its
// family.
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
  UNION ALL
  MATCH (m:Model)
  WITH m, COUNT { (m)<-[:DERIVED_FROM]-() } AS derivatives
  WHERE derivatives > 100
  RETURN 'hub' AS kind, m.id AS id
  ORDER BY derivatives DESC
  LIMIT 1
}
RETURN kind, id
