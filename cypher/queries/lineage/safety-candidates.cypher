// The safety candidates among all derivations (lineage/safety-candidate-rows), after a seed or a bulk import.
MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
{{include lineage/safety-candidate-rows}}
