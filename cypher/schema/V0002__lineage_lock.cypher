// The one node whose write lock serialises writes that add derivations (lineage/lock-lineage.cypher): unique, so
// that two first writers cannot each create their own.
CREATE CONSTRAINT lineage_lock_id IF NOT EXISTS FOR (n:__LineageLock) REQUIRE n.id IS UNIQUE;
