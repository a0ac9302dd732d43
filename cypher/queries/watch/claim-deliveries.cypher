// Runs after the notifications' write locks are held (touch-notifications), so it reads what other instances
// committed: a delivery another instance claimed or finished meanwhile is left out. The claim is a lease: if this
// instance dies before recording the outcome, the delivery falls due again when the lease ends.
UNWIND $keys AS key
MATCH (n:__WatchNotification {key: key})
WHERE n.delivery = 'PENDING' AND n.nextAttemptAt <= datetime()
MATCH (w:__Watch {id: n.watchId})
SET n.nextAttemptAt = datetime() + duration({seconds: $leaseSeconds})
RETURN n, w.webhookUrl AS url, w.secret AS secret, w.subjectKind AS subjectKind, w.subjectId AS subjectId
