// Batched upsert of derivations, one per (child, parent) pair. A curated fact is never overwritten by an import; where
// the import gives another relation, safety effect or compute, `kept` says so (the import's conflicts).
// Evidence of one kind adds up rather than replacing itself: a `source` of the same prefix as the stored one
// ("hf:list:children|tag" and "hf:tag", the Hub's edge list and its model info) keeps the union of their parts, stored
// parts first, so importing the two files in turn no longer rewrites the claim's source each time (a new user's
// walkthrough, session 35). A source of another kind replaces it, as before. Where in its input a claim was read
// (`origin`) is no fact of it: it is rewritten only with a change.
UNWIND $rows AS row
MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
OPTIONAL MATCH (c)-[existing:DERIVED_FROM]->(p)
WITH row, c, p, existing, existing IS NULL AS isNew, row.props AS given, existing.source AS stored
WITH row, c, p, existing, isNew, given, stored, split(coalesce(stored, ''), ':')[0] AS kind
WITH row, c, p, existing, isNew, given, stored, kind,
     CASE WHEN stored CONTAINS ':' THEN split(substring(stored, size(kind) + 1), '|') ELSE [] END AS storedParts,
     CASE WHEN given.source CONTAINS ':' THEN split(substring(given.source, size(kind) + 1), '|') ELSE [] END
       AS givenParts
WITH row, c, p, existing, isNew,
     CASE
       WHEN stored IS NULL OR given.source IS NULL OR split(given.source, ':')[0] <> kind THEN given
       ELSE given {.*, source: kind + reduce(s = '', part IN storedParts + [t IN givenParts WHERE NOT t IN storedParts] |
                                              s + CASE WHEN s = '' THEN ':' ELSE '|' END + part)}
     END AS props
WITH row, c, p, isNew, props, NOT isNew AND NOT coalesce(existing.curated, false)
       AND any(k IN keys(props) WHERE k <> 'origin' AND (existing[k] IS NULL OR existing[k] <> props[k])) AS changed,
     // What the import said otherwise of a curated derivation, which stays: the import's conflicts.
     CASE WHEN coalesce(existing.curated, false)
          THEN [k IN ['relation', 'safetyEffect', 'computeFlop']
                  WHERE props[k] IS NOT NULL AND (existing[k] IS NULL OR existing[k] <> props[k])
                  | row.child + ' ← ' + row.parent + ': ' + k + ' ' + coalesce(toString(existing[k]), 'none')
                    + ' (curated) kept over '
                    + toString(props[k]) + ' (' + coalesce(props.source, 'no source') + ')']
          ELSE [] END AS kept
CALL (row, c, p, props, isNew, changed) {
  WITH row, c, p, props WHERE isNew OR changed
  MERGE (c)-[r:DERIVED_FROM]->(p)
  SET r += props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       count(*) AS total, reduce(all = [], ks IN collect(kept) | all + ks) AS kept
