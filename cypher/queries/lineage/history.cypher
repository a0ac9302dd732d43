// The change-log entries that name each of $keys (model ids, or `child <- parent` for derivations), oldest first.
// A scan of the log: it grows by one entry per write and per import batch, not per fact.
UNWIND $keys AS key
MATCH (c:__Change)
WHERE CASE $derivations WHEN true THEN key IN c.derivations ELSE key IN c.modelIds END
RETURN key, c.id AS id, c.kind AS kind, c.at AS at, c.writer AS writer
ORDER BY c.at, c.id
