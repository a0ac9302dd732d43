// Every relationship the backup does not write as a derivation record or as a model's primary developer (which
// the model record's developerId restores), between nodes the backup carries: a link to an internal (__) node or to
// a label outside Pedigree's vocabulary is left out with that node, so a backup never names a node it lacks and never
// carries what internal nodes hold (tokens, locks, markers).
MATCH (a)-[r]->(b)
WHERE (a:Model|Organization|Dataset|Application|License|RiskFinding|Incident|Revenue)
  AND (b:Model|Organization|Dataset|Application|License|RiskFinding|Incident|Revenue)
  AND NOT (r:DERIVED_FROM AND a:Model AND b:Model)
  AND NOT (r:DEVELOPED_BY AND coalesce(r.primary, false))
RETURN type(r) AS type, labels(a)[0] AS fromLabel, a.id AS from, labels(b)[0] AS toLabel, b.id AS to,
       properties(r) AS properties
ORDER BY type, fromLabel, from, toLabel, to
