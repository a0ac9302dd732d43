// Placeholders a source named by a display name (Epoch AI's base models, Ecosystem Graphs' dependencies), with the
// source of a derivation naming them. Placeholders for Hub ids (no name) are left alone: a repo id names one repo.
MATCH (p:Model {placeholder: true}) WHERE p.name IS NOT NULL
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases,
       COLLECT { MATCH (:Model)-[d:DERIVED_FROM]->(p) RETURN d.source LIMIT 1 }[0] AS source
ORDER BY id
