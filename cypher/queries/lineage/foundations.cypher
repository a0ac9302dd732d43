// Roots of the ancestry of each of $ids (the model itself when it has no parent), by root id.
UNWIND $ids AS id
MATCH (start:Model {id: id})
MATCH (start)-[:DERIVED_FROM]->{0,50}(root:Model)
WHERE NOT EXISTS { (root)-[:DERIVED_FROM]->(:Model) }
WITH DISTINCT id, root
ORDER BY root.id
RETURN id, collect(root) AS models
