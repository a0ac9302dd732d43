// How many direct derivatives $id has (only those of $relations when not null): the total of children-page.
MATCH (parent:Model {id: $id})
RETURN COUNT { (parent)<-[via:DERIVED_FROM]-(:Model) WHERE $relations IS NULL OR via.relation IN $relations } AS total
