// Reserves $count sequence numbers; returns the last.
MATCH (s:__Sequence {id: 'notifications'})
SET s.value = s.value + $count
RETURN s.value AS last
