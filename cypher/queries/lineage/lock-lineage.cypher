// Run first in a transaction that adds derivations: the write lock on this one node is held until commit, so
// concurrent writers queue here and each cycle check sees every derivation committed before it. Without it, three
// concurrent writes a <- b, b <- c, c <- a each checked a graph without the other two, and all committed a cycle.
MERGE (lock:__LineageLock {id: 'lineage'})
SET lock.writes = coalesce(lock.writes, 0) + 1
