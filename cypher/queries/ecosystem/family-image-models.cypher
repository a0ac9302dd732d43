// The models $ids as they stand now, for a family image a write reached (EcosystemAnalytics): whether each is a
// placeholder, its derivations to its parents (the parent's id and the relation) and how many derivatives it has.
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m.id AS id, coalesce(m.placeholder, false) AS placeholder,
       COLLECT { MATCH (m)-[r:DERIVED_FROM]->(x:Model) RETURN [x.id, r.relation] } AS parents,
       COUNT { (m)<-[:DERIVED_FROM]-() } AS derivatives
