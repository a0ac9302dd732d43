UNWIND $ids AS id
MATCH (c:__Change {id: id})
SET c.pending = false
