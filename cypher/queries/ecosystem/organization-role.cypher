// How each organisation of $ids builds: foundations it released, and models it derived from others' or from its
// own (the `role` fields of a whole level in one statement).
UNWIND $ids AS id
MATCH (o:Organization {id: id})
OPTIONAL MATCH (m:Model {developerId: o.id})
WITH id, m
RETURN id,
       count(CASE WHEN m IS NOT NULL AND NOT EXISTS { (m)-[:DERIVED_FROM]->(:Model) } THEN 1 END) AS foundations,
       count(CASE WHEN EXISTS { (m)-[:DERIVED_FROM]->(p:Model) WHERE p.developerId IS NULL OR p.developerId <> m.developerId } THEN 1 END) AS derivedFromOthers,
       count(CASE WHEN EXISTS { (m)-[:DERIVED_FROM]->(p:Model) WHERE p.developerId = m.developerId } THEN 1 END) AS derivedFromOwn
