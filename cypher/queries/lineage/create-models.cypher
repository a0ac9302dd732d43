// Fast path for models known not to exist yet (checked just before, in the same import): CREATE with every
// property prepared by the importer, no comparisons; the search key by the one rule.
UNWIND $rows AS row
CREATE (m:Model)
SET m = row.props
SET m.searchText = {{include lineage/search-text}},
    m.searchKey = {{include lineage/search-key}}
WITH m, row WHERE row.developerId IS NOT NULL
MATCH (o:Organization {id: row.developerId})
CREATE (m)-[:DEVELOPED_BY {primary: true}]->(o)
RETURN count(*) AS linked
