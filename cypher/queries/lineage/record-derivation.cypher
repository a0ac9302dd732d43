// One curated derivation per parent; a curated fact replaces a heuristic or imported claim on the same pair, and
// restores a claim that was retracted (the retraction goes: imports no longer leave the pair out).
MATCH (child:Model {id: $child}), (parent:Model {id: $parent})
MERGE (child)-[via:DERIVED_FROM]->(parent)
SET via += $properties
WITH child, parent, via
OPTIONAL MATCH (child)-[retracted:RETRACTED_DERIVATION]->(parent)
DELETE retracted
WITH DISTINCT child, parent, via
RETURN via, child.id AS childId, parent.id AS parentId
