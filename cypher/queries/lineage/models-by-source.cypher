// Described models per source that mentions them (a model may have several).
MATCH (m:Model) WHERE m.placeholder IS NULL
UNWIND coalesce(m.sources, ['unknown']) AS source
RETURN source, count(*) AS models
ORDER BY models DESC, source
