// Which of a batch's child -> parent pairs are stored already (they take the comparing upsert; the others are
// created).
UNWIND $rows AS row
MATCH (:Model {id: row.child})-[:DERIVED_FROM]->(:Model {id: row.parent})
RETURN DISTINCT row.child AS child, row.parent AS parent
