// Creates or updates a model from curated input; a curated write fills in a placeholder.
MERGE (m:Model {id: $id})
ON CREATE SET m.createdAt = datetime()
SET m += $properties, m.placeholder = null,
    m.sources = CASE WHEN 'manual' IN coalesce(m.sources, []) THEN m.sources ELSE coalesce(m.sources, []) + 'manual' END
SET m.searchText = {{include lineage/search-text}},
    m.searchKey = {{include lineage/search-key}}
WITH m, {{include lineage/search-tier}} AS tier
REMOVE m:$([t IN range(0, 9) WHERE t <> tier | 'SearchTier' + t])
SET m:$('SearchTier' + tier)
WITH m
OPTIONAL MATCH (m)-[old:DEVELOPED_BY {primary: true}]->(:Organization)
WITH m, old
CALL (m, old) {
  WITH m, old WHERE $developerId IS NOT NULL
  DELETE old
  WITH m
  MATCH (o:Organization {id: $developerId})
  MERGE (m)-[d:DEVELOPED_BY]->(o)
  SET d.primary = true, m.developerId = o.id
}
RETURN m AS model
