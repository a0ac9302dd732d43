// How many transactions have written derivations so far (see lock-lineage.cypher); read by an import before
// it writes its first batch, to know later whether anyone else wrote derivations meanwhile.
OPTIONAL MATCH (lock:__LineageLock {id: 'lineage'})
RETURN coalesce(lock.writes, 0) AS version
