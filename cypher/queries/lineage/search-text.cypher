// The search key of a model `m`: its id, name and aliases in lower case, which models(filter: {nameContains}) and
// resolve-model-id match. The one rule for it: every statement that writes a model includes this expression
// ({{include lineage/search-text}}) after setting the model's name and aliases — create-models, upsert-models,
// register-model. Every part stands between spaces, the first and the last one too, so a search finds an exact or
// a prefix id, name part or name by CONTAINS on the text index (lineage/ModelSearch): that index keeps trigrams,
// and STARTS WITH or ENDS WITH on it checks every entry that holds the trigrams anywhere.
' ' + toLower(m.id + ' ' + coalesce(m.name, '') + reduce(s = '', a IN coalesce(m.aliases, []) | s + ' ' + a)) + ' '
