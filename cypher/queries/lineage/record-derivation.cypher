// One curated derivation per parent; a curated fact replaces a heuristic or imported claim on the same pair.
MATCH (child:Model {id: $child}), (parent:Model {id: $parent})
MERGE (child)-[via:DERIVED_FROM]->(parent)
SET via += $properties
RETURN via, child.id AS childId, parent.id AS parentId
