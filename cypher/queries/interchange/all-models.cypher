MATCH (m:Model)
OPTIONAL MATCH (m)-[r:DERIVED_FROM]->(p:Model)
WITH m, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, parentId: p.id} END) AS parents
RETURN m AS model, parents,
       COLLECT { MATCH (m)-[t:TRAINED_ON]->(d:Dataset) RETURN {id: d.id, name: d.name, source: t.source} } AS datasets
ORDER BY m.id
