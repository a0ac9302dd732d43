// The shortest chain from $from up to its ancestor $to through models visible on $asOf (released by then; undated
// ones when $includeUndated); no row when there is none.
MATCH (from:Model {id: $from}), (to:Model {id: $to})
WHERE ((from.releaseDate IS NULL AND $includeUndated) OR from.releaseDate <= $asOf)
MATCH p = ANY SHORTEST (from)(()-[:DERIVED_FROM]->(x:Model) WHERE ((x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)){1,50}(to)
UNWIND range(0, length(p) - 1) AS i
RETURN relationships(p)[i] AS via, nodes(p)[i].id AS childId, nodes(p)[i + 1].id AS parentId
ORDER BY i
