// One page of direct derivatives (by child id) of each of $ids, and, when $withTotal, how many each has: the
// `children` fields of a whole level of a GraphQL response in one statement. A page after a cursor starts after its
// child id ($afterId, with $offset 0), so a derivation added or taken back between two pages moves nothing.
UNWIND $ids AS id
MATCH (parent:Model {id: id})
CALL (parent) {
  MATCH (parent)<-[via:DERIVED_FROM]-(child:Model)
  WHERE $afterId IS NULL OR child.id > $afterId
  WITH via, child ORDER BY child.id SKIP $offset LIMIT $limit
  RETURN collect({via: via, childId: child.id}) AS rows
}
RETURN id, rows, CASE WHEN $withTotal THEN COUNT { (parent)<-[:DERIVED_FROM]-(:Model) } END AS total
