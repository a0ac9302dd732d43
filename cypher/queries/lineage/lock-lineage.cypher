// Taken by every transaction that adds derivations, before its cycle check: first thing in a curated write, after
// writing in an import batch (which then checks the graph itself if others wrote meanwhile). The write lock on
// this one node is held until commit, so concurrent writers queue here and each check sees every derivation
// committed before it. Without it, three concurrent writes a <- b, b <- c, c <- a each checked a graph without the
// other two, and all committed a cycle. `before` counts the lock's earlier holders: an import compares it with
// the count it saw when it read the graph, to know whether anyone else wrote derivations meanwhile.
MERGE (lock:__LineageLock {id: 'lineage'})
WITH lock, coalesce(lock.writes, 0) AS before
SET lock.writes = before + 1
RETURN before
