// Served from the count store, in constant time.
MATCH (m:Model)
RETURN count(m) AS n
