MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases
