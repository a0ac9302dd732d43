// The warnings of derivations (an empty list removes them); findings beside a claim, never changes to it.
UNWIND $rows AS row
// Both ends by id, then the edge between them (existing-derivations.cypher: a path from one seek may start at a
// family root and read every child's id per row).
MATCH (c:Model {id: row.child})
MATCH (p:Model {id: row.parent})
MATCH (c)-[d:DERIVED_FROM]->(p)
SET d.warnings = CASE WHEN size(row.warnings) = 0 THEN null ELSE row.warnings END
RETURN count(d) AS updated
