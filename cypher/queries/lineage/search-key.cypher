// The order of a model `m` among the matches of one rank of a search (lineage/ModelSearch): most downloaded first,
// then by id, as one string a range index keeps in that order (18 digits of 999999999999999999 - downloads, a space,
// the id). Every statement that writes a model includes it ({{include lineage/search-key}}) beside the search text —
// create-models, upsert-models, register-model; migration V0011 set it on the models stored before.
right('000000000000000000' + toString(999999999999999999 - coalesce(toInteger(m.downloads), 0)), 18) + ' ' + m.id
