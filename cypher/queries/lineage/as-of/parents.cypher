// Direct bases of each model of $ids as the graph stood on $asOf: parents released later are invisible (undated ones
// count when $includeUndated). Release dates are ISO text, which orders like the dates.
UNWIND $ids AS id
MATCH (child:Model {id: id})-[via:DERIVED_FROM]->(parent:Model)
WHERE (parent.releaseDate IS NULL AND $includeUndated) OR parent.releaseDate <= $asOf
RETURN via, child.id AS childId, parent.id AS parentId
ORDER BY childId, parentId
