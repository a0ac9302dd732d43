// Every node the backup does not write as an organisation or a model (internal __ markers excluded).
MATCH (n:Dataset|Application|License|RiskFinding|Incident|Revenue)
RETURN labels(n)[0] AS label, n.id AS id, n AS node
ORDER BY label, id
