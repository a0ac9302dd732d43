UNWIND $rows AS row
OPTIONAL MATCH (existing:Organization {id: row.id})
WITH row, existing, existing IS NULL AS isNew
WITH row, isNew, NOT isNew AND (any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k])
       OR any(a IN row.aliases WHERE NOT a IN coalesce(existing.aliases, []))
       OR (row.source IS NOT NULL AND NOT row.source IN coalesce(existing.sources, []))) AS changed
CALL (row, isNew, changed) {
  WITH row WHERE isNew OR changed
  MERGE (o:Organization {id: row.id})
  SET o += row.props,
      o.aliases = coalesce(o.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(o.aliases, [])],
      o.sources = CASE WHEN row.source IS NULL OR row.source IN coalesce(o.sources, []) THEN coalesce(o.sources, [])
                       ELSE coalesce(o.sources, []) + row.source END
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total
