// Direct bases of each of $ids, by parent id: the `parents` fields of a whole level in one statement.
UNWIND $ids AS id
MATCH (child:Model {id: id})-[via:DERIVED_FROM]->(parent:Model)
RETURN via, child.id AS childId, parent.id AS parentId
ORDER BY childId, parentId
