// Placeholders (names a source referenced but no source describes), grouped by the source of the derivations that
// point at them, with a few of their names.
MATCH (p:Model {placeholder: true})
OPTIONAL MATCH ()-[r:DERIVED_FROM]->(p)
WITH p, min(r.source) AS referencedBy
WITH coalesce(referencedBy, 'unreferenced') AS source, p ORDER BY p.id
RETURN source, count(p) AS placeholders, collect(coalesce(p.name, p.id))[0..10] AS examples
ORDER BY placeholders DESC, source
