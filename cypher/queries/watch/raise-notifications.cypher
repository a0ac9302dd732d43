// Creates the notifications an evaluation found, numbered from $first; the caller holds the notification sequence's
// lock and has left out keys raised before, so each watch, condition and model (for findings: each finding) is
// raised once however many instances evaluate the same change.
UNWIND range(0, size($rows) - 1) AS i
WITH $rows[i] AS row, $first + i AS seq
MATCH (w:__Watch {id: row.watchId})
CREATE (n:__WatchNotification {key: row.key, seq: seq, watchId: w.id, condition: row.condition, modelId: row.modelId,
        reason: row.reason, changeId: row.changeId, raisedAt: datetime(), attempts: 0})
SET n.delivery = CASE WHEN w.webhookUrl IS NULL THEN null ELSE 'PENDING' END,
    n.nextAttemptAt = CASE WHEN w.webhookUrl IS NULL THEN null ELSE datetime() END
