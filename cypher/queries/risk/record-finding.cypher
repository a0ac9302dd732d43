MATCH (m:Model {id: $modelId})
MERGE (f:RiskFinding {id: $id})
SET f += $properties
MERGE (m)-[:HAS_FINDING]->(f)
RETURN f AS finding
