MATCH (w:__Watch)
WHERE $id IS NULL OR w.id = $id
RETURN w
ORDER BY w.createdAt DESC, w.id
