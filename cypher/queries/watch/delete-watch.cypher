// A deleted watch raises nothing more and its notifications go with it.
MATCH (w:__Watch {id: $id})
OPTIONAL MATCH (n:__WatchNotification {watchId: $id})
DETACH DELETE n
WITH DISTINCT w
DETACH DELETE w
RETURN count(*) AS deleted
