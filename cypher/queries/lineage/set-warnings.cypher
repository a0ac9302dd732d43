// The warnings of derivations (an empty list removes them); findings beside a claim, never changes to it.
UNWIND $rows AS row
MATCH (:Model {id: row.child})-[d:DERIVED_FROM]->(:Model {id: row.parent})
SET d.warnings = CASE WHEN size(row.warnings) = 0 THEN null ELSE row.warnings END
RETURN count(d) AS updated
