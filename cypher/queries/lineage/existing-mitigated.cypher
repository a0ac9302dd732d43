// Which of $ids name a stored risk finding or incident: what a curated derivation may say it mitigates.
UNWIND $ids AS id
OPTIONAL MATCH (f:RiskFinding {id: id})
OPTIONAL MATCH (i:Incident {id: id})
RETURN id, f IS NOT NULL OR i IS NOT NULL AS exists
