// A model's family to {{maxDepth}} hops: ancestors when $up, descendants when $down (each once), then every
// derivation between members, so the export is a closed subgraph.
MATCH (start:Model {id: $id})
OPTIONAL MATCH pu = ANY SHORTEST (start)-[:DERIVED_FROM]->{1,{{maxDepth}}}(a:Model) WHERE $up
WITH start, collect(DISTINCT a) AS ups
OPTIONAL MATCH pd = ANY SHORTEST (start)<-[:DERIVED_FROM]-{1,{{maxDepth}}}(d:Model) WHERE $down
WITH start, ups, collect(DISTINCT d) AS downs
WITH [start] + ups + downs AS members
UNWIND members AS m
WITH DISTINCT m, members
OPTIONAL MATCH (m)-[r:DERIVED_FROM]->(p:Model) WHERE p IN members
WITH m, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, parentId: p.id} END) AS parents
RETURN m AS model, parents,
       COLLECT { MATCH (m)-[t:TRAINED_ON]->(d:Dataset) RETURN {id: d.id, name: d.name, source: t.source} } AS datasets
ORDER BY m.id
