// The first $limit direct derivatives of the hub $id after $afterId, by id: its descendants at depth 1 (a direct
// derivative is always at depth 1), read without reading every derivative. The id index is read in order and each
// model checked for a derivation to the hub, so a page costs about $limit × models / derivatives index entries: cheap
// when the hub's derivatives are a large share of all models (a hub of 40,000 in 500,000: about 1,250 entries, where
// taking the smallest ids of the whole level reads 40,000 derivations). At most $scan entries are read: fewer than
// $limit rows say the page is not known, and the caller walks the level instead (lineage/LineageQueries). The
// index is read from $afterIdFloor (a prefix of $afterId that `>` compares as ORDER BY orders); an id is after
// $afterId where ORDER BY puts it, whichever plan reads it: `>` compares by UTF-16 unit, ORDER BY by code point,
// and $afterIdFlips names the ids on which they disagree (lineage/CodePointOrder).
// Without flips ($afterIdFlips = []) $afterIdFloor is $afterId itself: the range read already placed the cursor
// and the correction is skipped (no second comparison per row).
MATCH (root:Model {id: $id})
MATCH (d:Model)
WHERE d.id > $afterIdFloor
  AND ($afterIdFlips = []
       OR (d.id > $afterId) <> any(f IN $afterIdFlips
                                   WHERE d.id STARTS WITH f.prefix AND d.id >= f.from
                                     AND (f.before IS NULL OR d.id < f.before)))
WITH root, d
ORDER BY d.id
LIMIT $scan
CALL (root, d) {
  MATCH (d)-[via:DERIVED_FROM]->(root)
  RETURN via
  LIMIT 1
}
WITH root, d, via
ORDER BY d.id
LIMIT $limit
RETURN d AS model, 1 AS depth, via, root.id AS parentId
