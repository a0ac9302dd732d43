// The indexes the store has, by name (to drop only those that exist).
SHOW INDEXES YIELD name
RETURN name
