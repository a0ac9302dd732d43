// Every model with its derivations (by parent id) and training sets (by dataset id, then source), in id order: a
// backup of the same graph is the same file, whatever order the store holds them in (a restore writes them anew).
MATCH (m:Model)
RETURN m AS model,
       COLLECT { MATCH (m)-[r:DERIVED_FROM]->(p:Model) RETURN {rel: r, parentId: p.id} ORDER BY p.id } AS parents,
       COLLECT { MATCH (m)-[t:TRAINED_ON]->(d:Dataset) RETURN {id: d.id, name: d.name, source: t.source}
                 ORDER BY d.id, t.source } AS datasets
ORDER BY m.id
