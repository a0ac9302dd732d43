// Derivation edges inside the family (both ends members or the root), by relation.
MATCH (root:Model {id: $id})
MATCH p = ANY SHORTEST (root)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model)
WITH root, collect(DISTINCT d) AS members
WITH [root] + members AS family, members
UNWIND members AS c
MATCH (c)-[r:DERIVED_FROM]->(parent:Model)
WHERE parent IN family
RETURN r.relation AS relation, count(r) AS count
ORDER BY count DESC, relation
