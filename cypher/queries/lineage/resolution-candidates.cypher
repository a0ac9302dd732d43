// Described models as entity resolution sees them: id, name, aliases, developer.
MATCH (m:Model) WHERE m.placeholder IS NULL
RETURN m.id AS id, m.name AS name, coalesce(m.aliases, []) AS aliases, m.developerId AS developerId
