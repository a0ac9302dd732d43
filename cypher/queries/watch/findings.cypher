// Watches that a recorded finding or incident concerns: on the watched model, on an ancestor it inherits it from,
// on a descendant, or (organisation watches) on a model the organisation develops or one derived from those.
UNWIND $modelIds AS modelId
MATCH (m:Model {id: modelId})
MATCH (w:__Watch)
WHERE 'FINDING' IN w.conditions AND w.createdAt <= $at
WITH w, m,
     CASE
       WHEN w.subjectKind = 'MODEL' AND m.id = w.subjectId THEN 'on the watched model'
       WHEN w.subjectKind = 'MODEL' AND EXISTS { (:Model {id: w.subjectId})-[:DERIVED_FROM*1..50]->(m) }
         THEN 'on an ancestor, inherited by the watched model'
       WHEN w.subjectKind = 'MODEL' AND EXISTS { (m)-[:DERIVED_FROM*1..50]->(:Model {id: w.subjectId}) }
         THEN 'on a descendant'
       WHEN w.subjectKind = 'ORGANIZATION'
         AND EXISTS { (m)-[:DERIVED_FROM*0..50]->(:Model)-[:DEVELOPED_BY]->(:Organization {id: w.subjectId}) }
         THEN 'on a model of the watched organisation or derived from one'
     END AS where
WHERE where IS NOT NULL
RETURN w.id AS watchId, m.id AS modelId, 'a finding or incident was recorded ' + where AS reason
