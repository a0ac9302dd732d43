// Takes the write locks of these notifications (held until commit) before claim-deliveries reads them.
UNWIND $keys AS key
MATCH (n:__WatchNotification {key: key})
SET n.claims = coalesce(n.claims, 0) + 1
