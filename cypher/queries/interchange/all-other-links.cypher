// Every relationship the backup does not write as a derivation record or as a model's primary developer (which
// the model record's developerId restores).
MATCH (a)-[r]->(b)
WHERE NOT (r:DERIVED_FROM AND a:Model AND b:Model)
  AND NOT (r:DEVELOPED_BY AND coalesce(r.primary, false))
RETURN type(r) AS type, labels(a)[0] AS fromLabel, a.id AS from, labels(b)[0] AS toLabel, b.id AS to,
       properties(r) AS properties
ORDER BY type, fromLabel, from, toLabel, to
