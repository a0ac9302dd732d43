// Included by model-with-descendants and model-with-descendants-depths (an include line naming
// lineage/family-page-start): where the page starts in `family` (ordered by depth, then id). After the entry
// ($afterDepth, $afterId) its cursor names (a write ahead of the cursor neither repeats nor skips one), or at $offset
// without a key. The entry is found by equality; an entry that left the family is placed where ORDER BY would put it:
// `>` compares by UTF-16 unit, ORDER BY by code point, and $afterIdFlips names the ids on which they disagree
// (lineage/CodePointOrder).
WITH root, fanOut, hub, family,
     [i IN CASE WHEN $afterId IS NULL THEN [] ELSE range(0, size(family) - 1) END
      WHERE family[i].depth = $afterDepth AND family[i].model.id = $afterId] AS at
WITH root, fanOut, hub, family,
     CASE WHEN $afterId IS NULL THEN $offset
          WHEN size(at) > 0 THEN at[0] + 1
          ELSE size([x IN family WHERE x.depth < $afterDepth
                     OR (x.depth = $afterDepth
                         AND (x.model.id > $afterId) = any(f IN $afterIdFlips
                                                          WHERE x.model.id STARTS WITH f.prefix
                                                            AND x.model.id >= f.from
                                                            AND (f.before IS NULL OR x.model.id < f.before)))])
     END AS start
