// Included by model-with-descendants and model-with-descendants-depths (an include line naming lineage/family-hub):
// $id's model, its number of direct derivatives (fanOut) and whether it is a hub, walked level by level instead of
// traversed whole: its direct derivatives fill the page ($walkFrom or more) and its family reaches $keepFrom members
// (its first level alone, or the first $keepFrom distinct members a bounded walk finds).
MATCH (root:Model {id: $id})
WITH root, COUNT { (root)<-[:DERIVED_FROM]-() } AS fanOut
OPTIONAL CALL (root, fanOut) {
  WITH root WHERE fanOut >= $walkFrom AND fanOut < $keepFrom
  MATCH (root)<-[:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  WITH DISTINCT d LIMIT $keepFrom
  RETURN count(d) AS reached
}
WITH root, fanOut, fanOut >= $walkFrom AND (fanOut >= $keepFrom OR reached >= $keepFrom) AS hub
