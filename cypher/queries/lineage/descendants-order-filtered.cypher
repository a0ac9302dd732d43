// descendants-order restricted to chains made of $relations.
MATCH (start:Model {id: $id})
MATCH p = ANY SHORTEST (start)(()<-[r:DERIVED_FROM]-() WHERE r.relation IN $relations){1,{{maxDepth}}}(d:Model)
RETURN d.id AS id, length(p) AS depth, nodes(p)[-2].id AS parentId
ORDER BY depth, id
