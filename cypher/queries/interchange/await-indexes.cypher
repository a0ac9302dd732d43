// Waits until every index is ONLINE (a recreated one populates in the background); fails after $seconds.
CALL db.awaitIndexes($seconds)
