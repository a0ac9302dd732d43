// The ids of the ancestors of $ids at any depth, each once: the roots whose families a write to these models can reach
// (lineage/FamilyIndex keeps those families' answers until such a write). DISTINCT over a variable-length expand lets
// the planner prune, so an ancestor reached through several merges is expanded once.
UNWIND $ids AS id
MATCH (:Model {id: id})-[:DERIVED_FROM*1..]->(a:Model)
RETURN DISTINCT a.id AS id
