// Notifications after a sequence number, oldest first; for one watch or all.
MATCH (n:__WatchNotification)
WHERE n.seq > $after AND ($watchId IS NULL OR n.watchId = $watchId)
RETURN n
ORDER BY n.seq
LIMIT $limit
