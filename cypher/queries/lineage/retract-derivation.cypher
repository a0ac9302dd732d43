// Retracts a derivation claim: it moves to its own relationship type, with everything it said plus who retracted it,
// when and why, so that every traversal (all of them follow DERIVED_FROM) skips it without a filter per row.
MATCH (child:Model {id: $child})-[claim:DERIVED_FROM]->(parent:Model {id: $parent})
CREATE (child)-[retracted:RETRACTED_DERIVATION]->(parent)
SET retracted = properties(claim), retracted.retractedAt = datetime(), retracted.retractedBy = $writer,
    retracted.retractionReason = $reason
DELETE claim
RETURN child.id AS childId, parent.id AS parentId, retracted
