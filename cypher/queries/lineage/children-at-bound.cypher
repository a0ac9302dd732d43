// Direct derivatives of the members at a traversal's depth bound (through $relations when given). The caller
// checks whether any lies outside the family: only such a model was cut by the bound (a derivative already reached
// along a shorter path was not).
UNWIND $ids AS id
MATCH (d:Model {id: id})<-[r:DERIVED_FROM]-(c:Model)
WHERE $relations IS NULL OR r.relation IN $relations
RETURN DISTINCT c.id AS id
