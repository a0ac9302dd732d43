// Members ($members, from summary) by primary developer, largest first.
UNWIND $members AS id
MATCH (d:Model {id: id})
WHERE (d.placeholder IS NULL OR d.placeholder = false) AND d.developerId IS NOT NULL
WITH d.developerId AS organization, count(d) AS count
ORDER BY count DESC, organization
LIMIT $limit
RETURN organization, count
