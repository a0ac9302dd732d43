// One page of the models each of $ids developed (by model id, placeholders included), and, when $withTotal, how many:
// the `Organization.models` fields of a whole level in one statement.
UNWIND $ids AS id
CALL (id) {
  MATCH (m:Model {developerId: id})
  WITH m ORDER BY m.id SKIP $offset LIMIT $limit
  RETURN collect(m) AS rows
}
RETURN id, rows, CASE WHEN $withTotal THEN COUNT { (:Model {developerId: id}) } END AS total
