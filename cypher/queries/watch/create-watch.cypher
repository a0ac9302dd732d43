CREATE (w:__Watch {id: $id, subjectKind: $subjectKind, subjectId: $subjectId, conditions: $conditions,
        createdAt: datetime()})
SET w += $properties
RETURN w
