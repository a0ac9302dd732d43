// Roots of the ancestry of $id (the model itself when it has no parent).
MATCH (start:Model {id: $id})
MATCH (start)-[:DERIVED_FROM]->{0,50}(root:Model)
WHERE NOT EXISTS { (root)-[:DERIVED_FROM]->(:Model) }
RETURN DISTINCT root AS model
ORDER BY root.id
