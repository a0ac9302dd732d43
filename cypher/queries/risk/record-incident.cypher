MATCH (m:Model {id: $modelId})
MERGE (i:Incident {id: $id})
SET i += $properties
MERGE (m)-[:INVOLVED_IN]->(i)
RETURN i AS finding
