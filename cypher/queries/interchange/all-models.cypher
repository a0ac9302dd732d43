MATCH (m:Model)
OPTIONAL MATCH (m)-[r:DERIVED_FROM]->(p:Model)
RETURN m AS model, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, parentId: p.id} END) AS parents
ORDER BY m.id
