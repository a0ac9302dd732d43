// The oldest changes no watch evaluation has looked at yet.
MATCH (c:__Change)
WHERE c.pending = true
RETURN c.id AS id, c.kind AS kind, c.at AS at, c.modelIds AS modelIds
ORDER BY c.at
LIMIT $limit
