// Shortest chain of derivations from $from up to its ancestor $to.
MATCH (from:Model {id: $from}), (to:Model {id: $to})
MATCH p = ANY SHORTEST (from)-[:DERIVED_FROM]->{1,50}(to)
UNWIND range(0, length(p) - 1) AS i
RETURN relationships(p)[i] AS via, nodes(p)[i].id AS childId, nodes(p)[i + 1].id AS parentId
ORDER BY i
