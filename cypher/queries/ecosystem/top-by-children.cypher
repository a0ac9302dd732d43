// The hubs of the family ($members, from summary): members with the most direct derivatives of $sources.
UNWIND $members AS id
MATCH (d:Model {id: id})
WHERE d.placeholder IS NULL OR d.placeholder = false
WITH d, COUNT { (d)<-[r:DERIVED_FROM]-(:Model) WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':') } AS children
WHERE children > 0
ORDER BY children DESC, d.id
LIMIT $limit
RETURN d AS model, children AS value
