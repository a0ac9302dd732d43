// Which of an import's child -> parent pairs a curator retracted (RETRACTED_DERIVATION), with when and why: the
// retraction wins, so the import leaves them out, until a curator records the derivation again
// (record-derivation.cypher takes the retraction back).
UNWIND $rows AS row
MATCH (:Model {id: row.child})-[r:RETRACTED_DERIVATION]->(:Model {id: row.parent})
RETURN row.child AS child, row.parent AS parent, toString(r.retractedAt) AS retractedAt,
       r.retractionReason AS reason
