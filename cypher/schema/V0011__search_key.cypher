// Search at scale (issue 12): models(filter: {nameContains}) pages by keyset over (rank, searchKey). searchKey is the
// order of matches within a rank, most downloaded first, then by id, as one string a range index keeps in order
// (18 digits of 999999999999999999 - downloads, a space, the id); the writers include it beside searchText
// (lineage/search-key.cypher, lineage/search-text.cypher). Existing models get both here, in batches.
// Statements of a script with IN TRANSACTIONS run one by one, each in its own transaction (SchemaMigrations).
// The search text gains a leading and a trailing space (lineage/search-text.cypher): exact and prefix matches are
// found by CONTAINS.
MATCH (m:Model) WHERE m.searchKey IS NULL OR NOT m.searchText STARTS WITH ' ' OR NOT m.searchText ENDS WITH ' '
CALL (m) {
  SET m.searchKey = right('000000000000000000' + toString(999999999999999999 - coalesce(toInteger(m.downloads), 0)), 18)
                    + ' ' + m.id,
      m.searchText = ' ' + toLower(m.id + ' ' + coalesce(m.name, '') + reduce(s = '', a IN coalesce(m.aliases, []) | s + ' ' + a))
                     + ' '
} IN TRANSACTIONS OF 10000 ROWS;
CREATE RANGE INDEX model_search_key IF NOT EXISTS FOR (n:Model) ON (n.searchKey);
// Searches seek this index (with a hint); it must be online before the first one.
CALL db.awaitIndexes(3600);
