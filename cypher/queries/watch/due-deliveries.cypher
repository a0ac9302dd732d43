// Webhook deliveries due now, oldest first.
MATCH (n:__WatchNotification)
WHERE n.delivery = 'PENDING' AND n.nextAttemptAt <= datetime()
RETURN n.key AS key
ORDER BY n.seq
LIMIT $limit
