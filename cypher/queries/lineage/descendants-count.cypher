// How many models descend from $id within {{maxDepth}} hops, each once however many paths reach it: a hub's
// totalCount without ordering its family (lineage/LineageQueries walks the hub's pages level by level). DISTINCT over
// a variable-length expand lets the planner prune: a model reached through several merges is expanded once.
MATCH (:Model {id: $id})<-[:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
WITH DISTINCT d
RETURN count(d) AS total
