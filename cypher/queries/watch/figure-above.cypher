// Watches that a change's models trip because a descendant passed the watch's threshold: training compute (the
// model's cumulative figure or a derivation's own compute, in FLOP) or Hub downloads.
UNWIND $modelIds AS modelId
MATCH (m:Model {id: modelId})
OPTIONAL MATCH (m)-[d:DERIVED_FROM]->()
WITH m, max(d.computeFlop) AS modification
MATCH (w:__Watch)
WHERE w.createdAt <= $at
  AND ((w.subjectKind = 'MODEL' AND EXISTS { (m)-[:DERIVED_FROM*1..50]->(:Model {id: w.subjectId}) })
    OR (w.subjectKind = 'ORGANIZATION'
        AND EXISTS { (m)-[:DERIVED_FROM*1..50]->(:Model)-[:DEVELOPED_BY]->(:Organization {id: w.subjectId}) }))
WITH w, m, modification,
     'COMPUTE_ABOVE' IN w.conditions
       AND (m.trainingComputeFlop >= w.computeThresholdFlop OR modification >= w.computeThresholdFlop) AS compute,
     'DOWNLOADS_ABOVE' IN w.conditions AND m.downloads >= w.downloadsThreshold AS reach
UNWIND [x IN [['COMPUTE_ABOVE', compute], ['DOWNLOADS_ABOVE', reach]] WHERE x[1] | x[0]] AS condition
RETURN w.id AS watchId, m.id AS modelId, condition,
       CASE condition
         WHEN 'COMPUTE_ABOVE' THEN 'compute ' + toString(coalesce(m.trainingComputeFlop, modification))
           + ' FLOP reaches the threshold of ' + toString(w.computeThresholdFlop)
         ELSE 'downloads ' + toString(m.downloads) + ' reach the threshold of ' + toString(w.downloadsThreshold)
       END AS reason
