// One page of a search (ModelSearch), from the models that text-index lookups on searchText find: those containing
// one of $contains. When they are more than $candidates, overflow is true and no rows are ordered (the caller walks
// the searchKey index instead); otherwise the matches of ranks $minRank..$maxRank after ($afterRank, $afterKey),
// ranked exact (id, name, or the id's name part after "/"), then prefix, then other substring, each most downloaded
// first, then by id (searchKey). A key is after $afterKey where ORDER BY puts it: `>` compares by UTF-16 unit, ORDER
// BY by code point, and $afterKeyFlips names the keys (ids) on which they disagree (lineage/CodePointOrder).
// Before the lookups, a probe: of the first $probe models of the searchKey index (the most downloaded), how many
// contain $search, and of those how many hold a prefix match (seenPrefix, exact ones too: the prefix band's needles,
// cheaper than ranking them) and how many do not (seenSubstring). When $dense or more contain it, and that share of
// all models is more than $candidates, the lookups would only learn that they overflow (a common term's text-index
// lookup costs milliseconds to tens of them however few entries it reads), so they are not run and overflow is true:
// the caller's band-by-band path gives the same page. The caller reads the two counts to tell whether a band's
// bounded walk from the top is likely to fill a page.
// $probe = 0 skips the probe; dense says what it found.
CALL () {
  MATCH (p:Model) USING INDEX p:Model(searchKey)
  WHERE p.searchKey > ''
  WITH p ORDER BY p.searchKey LIMIT $probe
  WITH p WHERE p.searchText CONTAINS $search
  WITH count(p) AS seen,
       count(CASE WHEN p.searchText CONTAINS ' ' + $search OR p.searchText CONTAINS '/' + $search THEN p END) AS early
  RETURN seen, early AS seenPrefix, seen - early AS seenSubstring
}
WITH seen >= $dense AND seen * COUNT { (:Model) } > $probe * $candidates AS dense, seenPrefix, seenSubstring
CALL (dense) {
  WITH dense WHERE NOT dense
  UNWIND $contains AS needle
  MATCH (m:Model) WHERE m.searchText CONTAINS needle
  WITH DISTINCT m LIMIT $candidates + 1
  RETURN collect(m) AS found
}
CALL (found, dense) {
  UNWIND CASE WHEN dense OR size(found) > $candidates THEN [] ELSE found END AS m
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
  WHERE rank >= $minRank AND rank <= $maxRank
    AND (rank > $afterRank
         OR (rank = $afterRank
             AND (m.searchKey > $afterKey) <> any(f IN $afterKeyFlips
                                                 WHERE m.searchKey STARTS WITH f.prefix AND m.searchKey >= f.from
                                                   AND (f.before IS NULL OR m.searchKey < f.before))))
  WITH m, rank ORDER BY rank, m.searchKey LIMIT $limit
  RETURN collect({model: m, rank: rank, key: m.searchKey}) AS rows
}
RETURN dense OR size(found) > $candidates AS overflow, rows, dense, seenPrefix, seenSubstring
