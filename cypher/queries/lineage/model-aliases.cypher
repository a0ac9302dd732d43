MATCH (m:Model) WHERE m.aliases IS NOT NULL AND size(m.aliases) > 0
RETURN m.id AS id, m.name AS name, m.aliases AS aliases
