// The oldest changes no watch evaluation has looked at yet, and whether each is to be evaluated: a change logged
// before the earliest watch was created (or with no watch at all) concerns none, since each watch looks only at
// changes from its creation on, so it comes back without its model ids (an import's backlog on a store without
// watches: millions of ids) and is marked evaluated without its queries. The changes are read before the watches,
// so a change committed while this runs is not judged against a watch that was not yet seen.
MATCH (c:__Change)
WHERE c.pending = true
WITH c
ORDER BY c.at
LIMIT $limit
WITH collect(c) AS changes
OPTIONAL MATCH (w:__Watch)
WITH changes, min(w.createdAt) AS first
UNWIND changes AS c
WITH c, first IS NOT NULL AND c.at >= first AS evaluate
RETURN c.id AS id, c.kind AS kind, c.at AS at, evaluate, CASE WHEN evaluate THEN c.modelIds END AS modelIds
