// A release date says where it comes from (releaseDateSource, lineage/DateSources): Epoch AI's publication date, a
// Hub repository's creation date, Ecosystem Graphs' or a curator's. Dates stored before were read by the model's
// sources, Epoch AI's first (the seed imports it last, so a model it and the Hub both describe has its date); the
// same reading is recorded here, so no verdict reads an existing date otherwise than before.
// Statements of a script with IN TRANSACTIONS run one by one, each in its own transaction (SchemaMigrations).
MATCH (m:Model) WHERE m.releaseDate IS NOT NULL AND m.releaseDateSource IS NULL
CALL (m) {
  SET m.releaseDateSource = CASE
      WHEN 'epoch' IN coalesce(m.sources, []) THEN 'epoch'
      WHEN 'huggingface' IN coalesce(m.sources, []) THEN 'hf:created'
      WHEN 'ecosystem-graphs' IN coalesce(m.sources, []) THEN 'ecosystem-graphs'
      WHEN 'manual' IN coalesce(m.sources, []) THEN 'manual'
      WHEN 'cyclonedx' IN coalesce(m.sources, []) THEN 'cyclonedx'
      ELSE 'unknown' END
} IN TRANSACTIONS OF 10000 ROWS;
