MATCH (t:__ApiToken {id: $id})
RETURN t
