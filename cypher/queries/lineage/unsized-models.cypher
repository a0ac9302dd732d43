// Described models without a parameter count, by id (after $after, $limit at a time): their names may state a size.
MATCH (m:Model)
WHERE m.id > $after AND m.parameters IS NULL AND m.placeholder IS NULL
RETURN m.id AS id, m.name AS name
ORDER BY m.id
LIMIT $limit
