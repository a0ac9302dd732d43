UNWIND $keys AS key
MATCH (n:__WatchNotification {key: key})
RETURN key
