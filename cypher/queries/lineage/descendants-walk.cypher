// One page of $id's descendants in the contract's order (depth, then id; each once, at its smallest depth, via =
// the derivation through which it was first reached) after ($afterDepth, $afterId), from the models within
// {{maxDepth}} hops only: the caller (LineageQueries) widens the bound until the page is full, so the first page of
// a family whose first level fills it (a hub of 40,000 derivatives) reads that level, not the whole family. An id
// is after $afterId where ORDER BY puts it: `>` compares by UTF-16 unit, ORDER BY by code point, and $afterIdFlips
// names the ids on which they disagree (lineage/CodePointOrder).
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH d, length(p) AS depth, p
WHERE depth > $afterDepth
   OR (depth = $afterDepth
       AND (d.id > $afterId) <> any(f IN $afterIdFlips
                                    WHERE d.id STARTS WITH f.prefix AND d.id >= f.from
                                      AND (f.before IS NULL OR d.id < f.before)))
WITH d, depth, p ORDER BY depth, d.id LIMIT $limit
RETURN d AS model, depth, last(relationships(p)) AS via, nodes(p)[-2].id AS parentId
