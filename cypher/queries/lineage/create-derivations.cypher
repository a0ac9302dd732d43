// Fast path for derivations known not to exist yet (the import read every existing pair before it started).
UNWIND $rows AS row
MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
CREATE (c)-[r:DERIVED_FROM]->(p)
SET r = row.props
RETURN count(*) AS created
