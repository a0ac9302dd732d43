MATCH (child:Model {id: $id})-[via:DERIVED_FROM]->(parent:Model)
RETURN via, child.id AS childId, parent.id AS parentId
ORDER BY parent.id
