MATCH (n:__WatchNotification {key: $key})
SET n.attempts = n.attempts + 1, n.lastError = $error,
    n.delivery = CASE WHEN $delivered THEN 'DELIVERED' WHEN $failed THEN 'FAILED' ELSE 'PENDING' END,
    n.deliveredAt = CASE WHEN $delivered THEN datetime() ELSE null END,
    n.nextAttemptAt = CASE WHEN $delivered OR $failed THEN null
                           ELSE datetime() + duration({milliseconds: $retryInMillis}) END
