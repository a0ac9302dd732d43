// Placeholders (names a source referenced but no source describes), grouped by the source of the derivations that
// point at them, else of the other links that do (an Ecosystem Graphs dataset TRAINED_ON or application USES one),
// with a few of their names.
MATCH (p:Model {placeholder: true})
OPTIONAL MATCH ()-[d:DERIVED_FROM]->(p)
WITH p, min(d.source) AS derivedBy
OPTIONAL MATCH ()-[r]->(p) WHERE derivedBy IS NULL AND r.source IS NOT NULL
WITH p, derivedBy, min(r.source) AS linkedBy
WITH coalesce(derivedBy, linkedBy, 'unreferenced') AS source, p ORDER BY p.id
RETURN source, count(p) AS placeholders, collect(coalesce(p.name, p.id))[0..10] AS examples
ORDER BY placeholders DESC, source
