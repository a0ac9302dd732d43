// Taken by every transaction that adds derivations, before its cycle check: first thing in a curated write, after
// writing in an import batch (which then checks the graph itself if others wrote meanwhile). The write lock on
// this one node is held until commit, so concurrent writers queue here and each check sees every derivation
// committed before it. Without it, three concurrent writes a <- b, b <- c, c <- a each checked a graph without the
// other two, and all committed a cycle. `before` counts the lock's earlier holders, `previous` names the last one
// that committed: an import's batches name their import run as $holder, every other writer null. An import tells
// from them whether anyone else wrote derivations since it began: nobody took the lock since (`before` is the count
// it read then), or the last holder was one of its own batches; a count of its own batches kept on the client could
// not tell, since a batch retried after a failed commit counts twice there and once here. The count is read in the
// SET that increments it, so Cypher takes the write lock before reading it (and `previous` after it); read in an
// earlier WITH, it was read before the lock, and a writer queued behind another got the other's count (a lost update).
MERGE (lock:__LineageLock {id: 'lineage'})
SET lock.writes = coalesce(lock.writes, 0) + 1
WITH lock, lock.holder AS previous
SET lock.holder = $holder
RETURN lock.writes - 1 AS before, previous
