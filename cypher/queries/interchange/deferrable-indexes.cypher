// The indexes a first load may drop and recreate after it writes (DeferredIndexes), with the statement that creates
// each exactly as it is (type, provider, options), as the store gives it: node indexes of the $types whose labels all
// start with one of $labels (models and their download tiers); never an index that backs a constraint (the import
// looks models up by id), a lookup index, or a relationship's.
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, owningConstraint, createStatement
WHERE owningConstraint IS NULL AND type IN $types AND entityType = 'NODE'
  AND all(l IN labelsOrTypes WHERE any(p IN $labels WHERE l STARTS WITH p))
RETURN name, createStatement AS statement
ORDER BY name
