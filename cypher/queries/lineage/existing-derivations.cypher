// Which of a batch's child -> parent pairs are stored already (they take the comparing upsert; the others are
// created). Both ends are found by id first and the edge is then asked of the pair (an expand into both, which walks
// the end with fewer relationships): matching it as a path let the planner start at the parent and read the id of each
// of its children, 40,000 of them per row for a family root, minutes per batch on a re-import.
UNWIND $rows AS row
MATCH (c:Model {id: row.child})
MATCH (p:Model {id: row.parent})
WHERE EXISTS { (c)-[:DERIVED_FROM]->(p) }
RETURN DISTINCT row.child AS child, row.parent AS parent
