// The download tier of a model `m` (V0012): the number of digits of its downloads, 0 for none, 9 for 100 million or
// more, read from its searchKey (lineage/search-key.cypher) so that each tier is one range of the searchKey order:
// every model of a tier comes before every model of a lower one. A model carries one label of it, 'SearchTier' + the
// tier, which lineage/ModelSearch looks up tier by tier (models-search-tiers.cypher); every statement that writes a
// searchKey sets that label from this expression — create-models, upsert-models, register-model.
size([b IN ['999999999999999999', '999999999999999990', '999999999999999900', '999999999999999000',
            '999999999999990000', '999999999999900000', '999999999999000000', '999999999990000000',
            '999999999900000000'] WHERE m.searchKey < b])
