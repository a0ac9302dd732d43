MATCH (o:Organization)
RETURN o AS organization
ORDER BY o.id
