// One page of one rank ($rank) of a search whose matches are many (ModelSearch), tier by download tier (V0012): from
// the tier of $afterKey down, the models of one tier that text-index lookups on searchText find for $contains (that
// tier's own index, so a term common among all models costs only its matches in the tier), the rank's matches
// among them after $afterKey, most downloaded first, then by id (searchKey). Every model of a tier comes before every
// model of a lower one in that order, so the rows come out in the page's order and the LIMIT stops the tiers as soon
// as the page is full: a tier below the one that fills it is never looked up or ranked. A key is after $afterKey
// where ORDER BY puts it: `>` compares by UTF-16 unit, ORDER BY by code point, and $afterKeyFlips names the keys on
// which they disagree (lineage/CodePointOrder).
// A tier whose candidates are more than $candidates is not ranked: it gives $limit rows without a model whose key
// is where that tier starts in the searchKey order (they fill the LIMIT, so no lower tier is looked up), and the
// caller walks the searchKey index from there (models-search-scan.cypher).
WITH {searchKey: $afterKey} AS m
UNWIND range({{include lineage/search-tier}}, 0, -1) AS tier
CALL (tier) {
  CALL (tier) {
    WITH tier WHERE tier = 9 UNWIND $contains AS needle
    MATCH (m:SearchTier9) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 8 UNWIND $contains AS needle
    MATCH (m:SearchTier8) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 7 UNWIND $contains AS needle
    MATCH (m:SearchTier7) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 6 UNWIND $contains AS needle
    MATCH (m:SearchTier6) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 5 UNWIND $contains AS needle
    MATCH (m:SearchTier5) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 4 UNWIND $contains AS needle
    MATCH (m:SearchTier4) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 3 UNWIND $contains AS needle
    MATCH (m:SearchTier3) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 2 UNWIND $contains AS needle
    MATCH (m:SearchTier2) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 1 UNWIND $contains AS needle
    MATCH (m:SearchTier1) WHERE m.searchText CONTAINS needle RETURN m
    UNION ALL
    WITH tier WHERE tier = 0 UNWIND $contains AS needle
    MATCH (m:SearchTier0) WHERE m.searchText CONTAINS needle RETURN m
  }
  WITH DISTINCT m LIMIT $candidates + 1
  WITH collect(m) AS found
  CALL (found) {
    UNWIND CASE WHEN size(found) > $candidates THEN [] ELSE found END AS m
    WITH m WHERE (m.searchKey > $afterKey) <> any(f IN $afterKeyFlips
                                                  WHERE m.searchKey STARTS WITH f.prefix AND m.searchKey >= f.from
                                                    AND (f.before IS NULL OR m.searchKey < f.before))
    AND m.searchText CONTAINS $search
    AND ($developerId IS NULL OR m.developerId = $developerId)
    AND ($license IS NULL OR m.license = $license)
    AND ($relation IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.relation = $relation })
    AND ($safetyEffect IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.safetyEffect = $safetyEffect })
    AND ($tag IS NULL OR any(t IN coalesce(m.tags, []) WHERE toLower(t) = $tag))
    AND ($hasParents IS NULL OR EXISTS { (m)-[:DERIVED_FROM]->() } = $hasParents)
    AND ($includePlaceholders OR m.placeholder IS NULL OR m.placeholder = false)
    WITH m, CASE WHEN toLower(m.id) = $search OR toLower(coalesce(m.name, '')) = $search
                     OR toLower(coalesce(split(m.id, '/')[1], '')) = $search THEN 0
                WHEN toLower(m.id) STARTS WITH $search OR toLower(coalesce(m.name, '')) STARTS WITH $search
                     OR toLower(coalesce(split(m.id, '/')[1], '')) STARTS WITH $search THEN 1
                ELSE 2 END AS rank
    WHERE rank = $rank
    WITH m ORDER BY m.searchKey LIMIT $limit
    RETURN collect(m) AS ranked
  }
  // Where the tier starts: after the key of the tier above's last model (the bound of search-tier.cypher).
  UNWIND CASE WHEN size(found) > $candidates
              THEN [_ IN range(1, $limit) | {model: null, key: ['999999999999999999', '999999999999999990',
                    '999999999999999900', '999999999999999000', '999999999999990000', '999999999999900000',
                    '999999999999000000', '999999999990000000', '999999999900000000', ''][tier]}]
              ELSE [r IN ranked | {model: r, key: r.searchKey}] END AS row
  RETURN row
}
RETURN row.model AS model, row.key AS key
LIMIT $limit
