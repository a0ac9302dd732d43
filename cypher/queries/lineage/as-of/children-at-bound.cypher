// Children of $ids (members at the depth bound) visible on $asOf, along $relations: a truncated family has one
// outside the family.
UNWIND $ids AS id
MATCH (:Model {id: id})<-[r:DERIVED_FROM]-(x:Model)
WHERE ($relations IS NULL OR r.relation IN $relations) AND ((x.releaseDate IS NULL AND $includeUndated) OR x.releaseDate <= $asOf)
RETURN DISTINCT x.id AS id
