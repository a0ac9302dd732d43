// Fast path for models known not to exist yet (checked just before, in the same import): CREATE with every
// property prepared by the importer, no comparisons. The search text and key follow the one rule, read from the row's
// properties (`m` is the map the node receives, so the rule sees what it would read back from the node): one write
// of each property, without reading the new node again; its download tier label from the key (search-tier.cypher).
UNWIND $rows AS row
WITH row, row.props AS m
WITH row, m {.*, searchText: {{include lineage/search-text}}, searchKey: {{include lineage/search-key}}} AS m
CREATE (model:Model)
SET model = m, model:$('SearchTier' + {{include lineage/search-tier}})
WITH model, row WHERE row.developerId IS NOT NULL
MATCH (o:Organization {id: row.developerId})
CREATE (model)-[:DEVELOPED_BY {primary: true}]->(o)
RETURN count(*) AS linked
