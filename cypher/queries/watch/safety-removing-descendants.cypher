// Watches that a change's models trip because each removes safeguards from a descendant of the watched model (or of
// a model the watched organisation develops): the model's own derivation carries safetyEffect REMOVED.
UNWIND $modelIds AS modelId
MATCH (m:Model {id: modelId})-[d:DERIVED_FROM]->(parent:Model)
WHERE d.safetyEffect = 'REMOVED'
MATCH (w:__Watch)
WHERE 'SAFETY_REMOVING_DESCENDANT' IN w.conditions AND w.createdAt <= $at
  AND ((w.subjectKind = 'MODEL'
        AND (parent.id = w.subjectId OR EXISTS { (parent)-[:DERIVED_FROM*1..50]->(:Model {id: w.subjectId}) }))
    OR (w.subjectKind = 'ORGANIZATION'
        AND EXISTS { (parent)-[:DERIVED_FROM*0..50]->(:Model)-[:DEVELOPED_BY]->(:Organization {id: w.subjectId}) }))
WITH w, m, collect(DISTINCT d.relation + ' of ' + parent.id) AS via
RETURN w.id AS watchId, m.id AS modelId,
       'removes safeguards: ' + via[0] + coalesce(' (' + m.name + ')', '') AS reason
