// Where `existing`'s release date comes from: its releaseDateSource, or for a date stored before sources were kept (a
// restored backup of an earlier release) the reading of its sources that V0013 records and DateSources.inferred makes.
CASE WHEN existing.releaseDateSource IS NOT NULL THEN existing.releaseDateSource
     WHEN 'epoch' IN coalesce(existing.sources, []) THEN 'epoch'
     WHEN 'huggingface' IN coalesce(existing.sources, []) THEN 'hf:created'
     WHEN 'ecosystem-graphs' IN coalesce(existing.sources, []) THEN 'ecosystem-graphs'
     WHEN 'manual' IN coalesce(existing.sources, []) THEN 'manual'
     WHEN 'cyclonedx' IN coalesce(existing.sources, []) THEN 'cyclonedx'
     ELSE 'unknown' END
