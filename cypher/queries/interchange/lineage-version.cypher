// How many transactions have written derivations so far (see lineage/lock-lineage.cypher); read by an import before
// it reads the derivation pairs its cycle guard starts from.
OPTIONAL MATCH (lock:__LineageLock {id: 'lineage'})
RETURN coalesce(lock.writes, 0) AS version
