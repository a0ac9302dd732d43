// Search at scale (issue 12): models(filter: {nameContains}) pages by keyset over (rank, searchKey). searchKey is the
// order of matches within a rank, most downloaded first, then by id, as one string a range index keeps in order
// (18 digits of 999999999999999999 - downloads, a space, the id); the writers set it beside searchText
// (ModelFacts.searchKey, register-model.cypher, upsert-models.cypher). Existing models get it here, in batches.
// Statements of a script with IN TRANSACTIONS run one by one, each in its own transaction (SchemaMigrations).
MATCH (m:Model) WHERE m.searchKey IS NULL
CALL (m) {
  SET m.searchKey = right('000000000000000000' + toString(999999999999999999 - coalesce(toInteger(m.downloads), 0)), 18)
                    + ' ' + m.id
} IN TRANSACTIONS OF 10000 ROWS;
CREATE RANGE INDEX model_search_key IF NOT EXISTS FOR (n:Model) ON (n.searchKey);
// Searches seek this index (with a hint); it must be online before the first one.
CALL db.awaitIndexes(3600);
