// Taken by every transaction that adds derivations, before its cycle check: first thing in a curated write, after
// writing in an import batch (which then checks the graph itself if others wrote meanwhile). The write lock on
// this one node is held until commit, so concurrent writers queue here and each check sees every derivation
// committed before it. Without it, three concurrent writes a <- b, b <- c, c <- a each checked a graph without the
// other two, and all committed a cycle. `before` counts the lock's earlier holders: an import compares it with
// the count it saw when it read the graph, to know whether anyone else wrote derivations meanwhile. The count is
// read in the SET that increments it, so Cypher takes the write lock before reading it; read in an earlier WITH, it
// was read before the lock, and a writer queued behind another got the other's count (a lost update), which made an
// import's parallel batches take each other for other writers and check the graph at every batch.
MERGE (lock:__LineageLock {id: 'lineage'})
SET lock.writes = coalesce(lock.writes, 0) + 1
RETURN lock.writes - 1 AS before
