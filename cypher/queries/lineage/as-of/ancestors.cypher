// Every ancestor of each model of $ids as the graph stood on $asOf, once, at its smallest depth through models
// visible then (released by $asOf; undated ones when $includeUndated), along $relations (null = every relation).
UNWIND $ids AS id
MATCH (start:Model {id: id})
MATCH p = ANY SHORTEST (start)(()-[r:DERIVED_FROM]->(x:Model)
    WHERE ($relations IS NULL OR r.relation IN $relations) AND ((x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)){1,{{maxDepth}}}(a:Model)
RETURN id, a AS model, length(p) AS depth, last(relationships(p)) AS via, nodes(p)[-2].id AS childId, a.id AS parentId
ORDER BY id, depth, parentId
