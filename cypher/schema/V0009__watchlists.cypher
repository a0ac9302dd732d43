// The change log (lineage's outbox, lineage/append-change.cypher): pending entries are found by an index.
CREATE INDEX change_pending IF NOT EXISTS FOR (n:__Change) ON (n.pending);
CREATE CONSTRAINT sequence_id IF NOT EXISTS FOR (n:__Sequence) REQUIRE n.id IS UNIQUE;
// Watchlists and the notifications they raised: one per watch, condition and model (raised once, delivered once).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:__Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT watch_notification_key IF NOT EXISTS FOR (n:__WatchNotification) REQUIRE n.key IS UNIQUE;
CREATE INDEX watch_notification_seq IF NOT EXISTS FOR (n:__WatchNotification) ON (n.seq);
CREATE INDEX watch_notification_delivery IF NOT EXISTS FOR (n:__WatchNotification) ON (n.delivery);
