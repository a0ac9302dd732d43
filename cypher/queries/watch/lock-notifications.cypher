// First in an evaluation: the notification sequence's write lock, held until commit, serialises evaluations on
// every instance, so what one reads afterwards includes what another raised before.
MERGE (s:__Sequence {id: 'notifications'})
ON CREATE SET s.value = 0
SET s.locks = coalesce(s.locks, 0) + 1
