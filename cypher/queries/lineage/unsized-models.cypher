// Described models without a parameter count, by id (after $afterId, $limit at a time): their names may state a size.
// The id index is read from $afterIdFloor; an id is after $afterId where ORDER BY puts it: `>` compares by UTF-16
// unit, ORDER BY by code point, and $afterIdFlips names the ids on which they disagree (lineage/CodePointOrder).
// Without flips ($afterIdFlips = []) $afterIdFloor is $afterId itself: the range read already placed the cursor
// and the correction is skipped (no second comparison per row).
MATCH (m:Model)
WHERE m.id > $afterIdFloor
  AND ($afterIdFlips = []
       OR (m.id > $afterId) <> any(f IN $afterIdFlips
                                   WHERE m.id STARTS WITH f.prefix AND m.id >= f.from
                                     AND (f.before IS NULL OR m.id < f.before)))
  AND m.parameters IS NULL AND m.placeholder IS NULL
RETURN m.id AS id, m.name AS name
ORDER BY m.id
LIMIT $limit
