// What leaves the family's derivations UNKNOWN in license-drift.cypher (same walk, same derivations): each licence id
// the License catalogue does not hold, or null where a model records no licence, with the derivations it leaves
// unclassified (an id counted once per derivation), most first, the first $limit; and the catalogue's size, 0 when the
// seed's licence table was never loaded.
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
// A family without members still answers (an empty list): the walk is an OPTIONAL CALL, as in summary.cypher.
OPTIONAL CALL (roots) {
  UNWIND roots AS root
  MATCH p = (root)<-[rs:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  WHERE all(r IN rs WHERE $sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
    AND all(n IN nodes(p) WHERE $asOf IS NULL OR n = root OR (n.releaseDate IS NULL AND $includeUndated) OR n.releaseDate <= $asOf)
  WITH DISTINCT d
  WHERE NOT d IN roots
  RETURN d
}
WITH roots, collect(d) AS members
WITH roots + members AS family, members
CALL (family, members) {
  UNWIND members AS c
  MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
  WHERE parent IN family AND ($sources IS NULL OR any(s IN $sources WHERE r.source = s OR r.source STARTS WITH s + ':'))
  WITH r, c.license AS childLicense, parent.license AS parentLicense
  UNWIND CASE WHEN childLicense IS NULL AND parentLicense IS NULL THEN [null]
              WHEN childLicense = parentLicense THEN [childLicense]
              ELSE [childLicense, parentLicense] END AS license
  WITH r, license
  WHERE license IS NULL OR NOT EXISTS { MATCH (:License {id: license}) }
  WITH DISTINCT r, license
  WITH license, count(*) AS derivations
  ORDER BY derivations DESC, license
  LIMIT $limit
  RETURN collect({license: license, derivations: derivations}) AS unclassified
}
RETURN unclassified, COUNT { MATCH (:License) } AS catalogueSize
