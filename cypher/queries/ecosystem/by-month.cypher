// Members by creation month (YYYY-MM), months in order, then one null month for the undated members (when there are
// any; the API calls it UNKNOWN): growth curves must show how much of the family they cannot place. $members = the
// family summary found (roots excluded).
UNWIND $members AS id
MATCH (d:Model {id: id})
WHERE d.placeholder IS NULL OR d.placeholder = false
RETURN substring(d.releaseDate, 0, 7) AS month, count(d) AS count
ORDER BY month
