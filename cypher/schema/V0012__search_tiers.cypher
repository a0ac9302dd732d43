// Search at scale (issue 12, session 8): every model carries one download tier label, SearchTier0 .. SearchTier9 —
// the number of digits of its downloads (0 for none, 9 for 100 million or more), read from searchKey (V0011) so that
// each tier is one range of the searchKey order, with a text index on searchText per tier. A band of a search whose
// matches are many is then ranked tier by tier from the most downloaded one, and stops at the tier that fills the
// page, instead of ranking every match (lineage/ModelSearch). The writers keep the label (lineage/search-tier.cypher,
// included by create-models, upsert-models and register-model). Only models without their one right label are
// written, so running this on a store already labelled costs one read of every model.
// Statements of a script with IN TRANSACTIONS run one by one, each in its own transaction (SchemaMigrations).
MATCH (m:Model)
WITH m, size([b IN ['999999999999999999', '999999999999999990', '999999999999999900', '999999999999999000',
                     '999999999999990000', '999999999999900000', '999999999999000000', '999999999990000000',
                     '999999999900000000'] WHERE m.searchKey < b]) AS tier
WHERE [l IN labels(m) WHERE l STARTS WITH 'SearchTier'] <> ['SearchTier' + tier]
CALL (m, tier) {
  REMOVE m:$([t IN range(0, 9) WHERE t <> tier | 'SearchTier' + t])
  SET m:$('SearchTier' + tier)
} IN TRANSACTIONS OF 10000 ROWS;
CREATE TEXT INDEX model_search_tier_0 IF NOT EXISTS FOR (n:SearchTier0) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_1 IF NOT EXISTS FOR (n:SearchTier1) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_2 IF NOT EXISTS FOR (n:SearchTier2) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_3 IF NOT EXISTS FOR (n:SearchTier3) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_4 IF NOT EXISTS FOR (n:SearchTier4) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_5 IF NOT EXISTS FOR (n:SearchTier5) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_6 IF NOT EXISTS FOR (n:SearchTier6) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_7 IF NOT EXISTS FOR (n:SearchTier7) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_8 IF NOT EXISTS FOR (n:SearchTier8) ON (n.searchText);
CREATE TEXT INDEX model_search_tier_9 IF NOT EXISTS FOR (n:SearchTier9) ON (n.searchText);
// Searches look these up; they must be online before the first one.
CALL db.awaitIndexes(3600);
