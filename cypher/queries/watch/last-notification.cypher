MATCH (s:__Sequence {id: 'notifications'})
RETURN s.value AS last
