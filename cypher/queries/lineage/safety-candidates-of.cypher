// The safety candidates among the derivations of the children $ids (lineage/safety-candidate-rows), found from the
// id index: after a curated write, or an edge list's few children that can carry evidence.
UNWIND $ids AS id
MATCH (c:Model {id: id})-[d:DERIVED_FROM]->(p:Model)
{{include lineage/safety-candidate-rows}}
