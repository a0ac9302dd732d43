// Models matching the filter without a search, by id, one page after the id $afterId ('' for the first page):
// keyset paging on the id index (ModelSearch), read from $afterIdFloor (a prefix of $afterId that `>` compares as
// ORDER BY orders). An id is after $afterId where ORDER BY puts it: `>` compares by UTF-16 unit, ORDER BY by code
// point, and $afterIdFlips names the ids on which they disagree (lineage/CodePointOrder). Every filter argument is
// optional (null = no constraint).
// Without flips ($afterIdFlips = []) $afterIdFloor is $afterId itself: the range read already placed the cursor
// and the correction is skipped (no second comparison per row).
MATCH (m:Model)
WHERE m.id > $afterIdFloor
  AND ($afterIdFlips = []
       OR (m.id > $afterId) <> any(f IN $afterIdFlips
                                   WHERE m.id STARTS WITH f.prefix AND m.id >= f.from
                                     AND (f.before IS NULL OR m.id < f.before)))
  AND ($developerId IS NULL OR m.developerId = $developerId)
  AND ($license IS NULL OR m.license = $license)
  AND ($relation IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.relation = $relation })
  AND ($safetyEffect IS NULL OR EXISTS { (m)-[r:DERIVED_FROM]->() WHERE r.safetyEffect = $safetyEffect })
  AND ($tag IS NULL OR any(t IN coalesce(m.tags, []) WHERE toLower(t) = $tag))
  AND ($hasParents IS NULL OR EXISTS { (m)-[:DERIVED_FROM]->() } = $hasParents)
  AND ($includePlaceholders OR m.placeholder IS NULL OR m.placeholder = false)
RETURN m AS model
ORDER BY m.id
LIMIT $limit
