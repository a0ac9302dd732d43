MATCH (c:Model)-[:DERIVED_FROM]->(p:Model)
RETURN c.id AS child, p.id AS parent
