// Derivation edges inside the family (from a member of $members to a member or a root, in $family; only derivations
// of $sources), by relation. $family is a parameter so that the membership test is a set look-up, not a scan of a
// list built in the query (which made this quadratic in the family's size).
UNWIND $members AS id
MATCH (c:Model {id: id})-[r:DERIVED_FROM]->(parent:Model)
WHERE parent.id IN $family AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
RETURN r.relation AS relation, count(r) AS count
ORDER BY count DESC, relation
