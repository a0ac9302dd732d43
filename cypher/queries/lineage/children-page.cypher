MATCH (parent:Model {id: $id})<-[via:DERIVED_FROM]-(child:Model)
WITH via, child, parent ORDER BY child.id
SKIP $offset LIMIT $limit
RETURN via, child.id AS childId, parent.id AS parentId
