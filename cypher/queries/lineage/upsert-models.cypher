// Batched upsert of models. A row changes a model only when it brings a new value, alias or source, so a re-import
// is all "unchanged". Placeholder rows create a bare node that a later import fills in.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Model {id: row.id})
WITH row, existing, existing IS NULL AS isNew
WITH row, isNew, NOT isNew AND NOT row.placeholder AND (
       any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k])
       OR coalesce(existing.placeholder, false)
       OR (row.source IS NOT NULL AND NOT row.source IN coalesce(existing.sources, []))
       OR any(a IN row.aliases WHERE NOT a IN coalesce(existing.aliases, []))
       OR (row.developerId IS NOT NULL AND existing.developerId IS NULL)) AS changed
CALL (row, isNew, changed) {
  WITH row WHERE isNew OR changed
  MERGE (m:Model {id: row.id})
  SET m += row.props,
      m.placeholder = CASE WHEN row.placeholder THEN true ELSE null END,
      m.sources = CASE WHEN row.source IS NULL OR row.source IN coalesce(m.sources, []) THEN coalesce(m.sources, [])
                       ELSE coalesce(m.sources, []) + row.source END,
      m.aliases = coalesce(m.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(m.aliases, [])]
  SET m.searchText = {{include lineage/search-text}},
      m.searchKey = {{include lineage/search-key}}
  WITH m, row, {{include lineage/search-tier}} AS tier
  REMOVE m:$([t IN range(0, 9) WHERE t <> tier | 'SearchTier' + t])
  SET m:$('SearchTier' + tier)
  WITH m, row WHERE row.developerId IS NOT NULL AND m.developerId IS NULL
  MATCH (o:Organization {id: row.developerId})
  MERGE (m)-[d:DEVELOPED_BY]->(o)
  SET d.primary = true, m.developerId = o.id
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
