// The family of the roots $ids within {{maxDepth}} hops along derivations of every source, as the graph stands now:
// each root and each model derived from one (once, however many paths reach it), whether it is a placeholder, its
// derivations to its parents (the parent's id and the relation) and how many derivatives it has. EcosystemAnalytics
// counts the summary from these rows (summary.cypher's figures) and keeps them up to date through later writes inside
// the family (family-image-models.cypher).
// The walk is the planner's pruning breadth-first expand (DISTINCT d: each model visited once); only ids, the
// placeholder flag and the relation are read (a model's derivatives are counted from its degree).
MATCH (root:Model) WHERE root.id IN $ids
WITH collect(root) AS roots
CALL (roots) {
  UNWIND roots AS root
  MATCH (root)<-[:DERIVED_FROM*1..{{maxDepth}}]-(d:Model)
  RETURN DISTINCT d
  UNION
  UNWIND roots AS d
  RETURN d
}
RETURN d.id AS id, coalesce(d.placeholder, false) AS placeholder,
       COLLECT { MATCH (d)-[r:DERIVED_FROM]->(x:Model) RETURN [x.id, r.relation] } AS parents,
       COUNT { (d)<-[:DERIVED_FROM]-() } AS derivatives
