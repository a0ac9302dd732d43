// One page of one rank ($rank) of a search whose matches are too many to order (ModelSearch), from a bounded walk:
// the first $walk models of the searchKey index after $afterKey (most downloaded first, then by id), keeping the
// rank's matches. The walk stops as soon as the page is full, so a dense band (a prefix most models share) costs a
// few dozen index entries; fewer than $limit rows means the walk did not fill the page and the caller decides the
// band another way (its text-index candidates, or models-search-scan.cypher's unbounded walk).
// The index is read from $afterKeyFloor (a prefix of $afterKey that `>` compares as ORDER BY orders); a key is after
// $afterKey where ORDER BY puts it: `>` compares by UTF-16 unit, ORDER BY by code point, and $afterKeyFlips names
// the keys on which they disagree (lineage/CodePointOrder).
// Without flips ($afterKeyFlips = []) $afterKeyFloor is $afterKey itself: the range read already placed the cursor
// and the correction is skipped (no second comparison per row).
MATCH (m:Model) USING INDEX m:Model(searchKey)
WHERE m.searchKey > $afterKeyFloor
  AND ($afterKeyFlips = []
       OR (m.searchKey > $afterKey) <> any(f IN $afterKeyFlips
                                           WHERE m.searchKey STARTS WITH f.prefix AND m.searchKey >= f.from
                                             AND (f.before IS NULL OR m.searchKey < f.before)))
WITH m ORDER BY m.searchKey LIMIT $walk
WITH m WHERE m.searchText CONTAINS $search
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
RETURN m AS model, m.searchKey AS key
ORDER BY m.searchKey
LIMIT $limit
