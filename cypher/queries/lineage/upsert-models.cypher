// Batched upsert of models. A row changes a model only when it brings a new value, alias or source, so a re-import
// is all "unchanged". Placeholder rows create a bare node that a later import fills in. A fact of a better-standing
// source stays (kept-facts.cypher); where the row gives another value, `kept` says so (the import's conflicts), as it
// does where a source of the same standing replaces a different value.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Model {id: row.id})
WITH row, existing, existing IS NULL AS isNew, {{include lineage/kept-facts}} AS kept
WITH row, isNew, kept, NOT isNew AND NOT row.placeholder AND (
       any(k IN keys(row.props) WHERE NOT k IN kept AND (existing[k] IS NULL OR existing[k] <> row.props[k]))
       OR coalesce(existing.placeholder, false)
       OR (row.source IS NOT NULL AND NOT row.source IN coalesce(existing.sources, []))
       OR any(a IN row.aliases WHERE NOT a IN coalesce(existing.aliases, []))
       OR (row.developerId IS NOT NULL AND existing.developerId IS NULL)) AS changed,
     [f IN [['releaseDate', 'releaseDateSource'], ['parameters', 'parametersSource'],
            ['trainingComputeFlop', 'trainingComputeSource']]
        WHERE f[0] IN kept AND existing[f[0]] <> row.props[f[0]]
        | row.id + ': ' + f[0] + ' ' + toString(existing[f[0]]) + ' ('
          + CASE WHEN f[0] = 'releaseDate' THEN {{include lineage/date-source}} ELSE coalesce(existing[f[1]], 'unknown')
            END + ') kept over '
          + toString(row.props[f[0]]) + ' (' + coalesce(row.props[f[1]], 'no source') + ')']
     + [k IN ['name', 'license'] WHERE k IN kept AND existing[k] <> row.props[k]
        | row.id + ': ' + k + ' \'' + existing[k] + '\' (manual) kept over \'' + row.props[k] + '\' ('
          + coalesce(row.source, 'no source') + ')']
     // Two sources of the same standing that disagree: the row's value is stored, and the import says so.
     + [d IN [f IN [['releaseDate', 'releaseDateSource'], ['parameters', 'parametersSource'],
                   ['trainingComputeFlop', 'trainingComputeSource']]
                WHERE existing IS NOT NULL AND NOT f[0] IN kept AND row.props[f[0]] IS NOT NULL
                  AND existing[f[0]] IS NOT NULL AND existing[f[0]] <> row.props[f[0]]
                | f + [CASE WHEN f[0] = 'releaseDate' THEN {{include lineage/date-source}}
                            ELSE coalesce(existing[f[1]], 'unknown') END, coalesce(row.props[f[1]], 'unknown')]]
        // (A count estimated from the model's name, SizeChecks', stands in until a source gives one: no conflict.)
        WHERE d[2] <> d[3] AND d[2] <> 'manual' AND d[3] <> 'manual' AND d[2] <> 'name'
          AND (d[0] <> 'releaseDate'
               OR CASE d[2] WHEN 'unknown' THEN 0 WHEN 'hf:created' THEN 1 WHEN 'cyclonedx' THEN 1 ELSE 2 END
                  = CASE d[3] WHEN 'unknown' THEN 0 WHEN 'hf:created' THEN 1 WHEN 'cyclonedx' THEN 1 ELSE 2 END)
        | row.id + ': ' + d[0] + ' ' + toString(existing[d[0]]) + ' (' + d[2] + ') replaced by '
          + toString(row.props[d[0]]) + ' (' + d[3] + '), a source of the same standing'] AS disagreements
CALL (row, isNew, changed, kept) {
  WITH row WHERE isNew OR changed
  MERGE (m:Model {id: row.id})
  // The whole map at once unless a fact stays as stored.
  SET m += CASE WHEN size(kept) = 0 THEN row.props ELSE {} END
  FOREACH (k IN CASE WHEN size(kept) = 0 THEN [] ELSE [k IN keys(row.props) WHERE NOT k IN kept] END |
    SET m[k] = row.props[k])
  SET m.placeholder = CASE WHEN row.placeholder THEN true ELSE null END,
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
       count(*) AS total, reduce(all = [], ds IN collect(disagreements) | all + ds) AS kept
