MATCH (t:__ApiToken)
RETURN t
ORDER BY t.createdAt, t.id
