UNWIND $ids AS id
MATCH (child:Model {id: id})-[retracted:RETRACTED_DERIVATION]->(parent:Model)
RETURN child.id AS childId, parent.id AS parentId, retracted
ORDER BY retracted.retractedAt, parent.id
