// The traced model and every ancestor (once, at its smallest depth, with the derivation that first reached it),
// each with its developer, the developer's revenue figures, its licence as the licence table classifies it, the
// derivations to its own parents, and the findings and incidents recorded on it that reach the traced model (a
// derivation on the path down that records one as mitigated stops it): everything a trace needs, in one read.
// As of $asOf (null = now): only ancestors released by then (undated ones when $includeUndated), derivations to
// them, and findings dated by then (undated ones count); the derivations the date leaves out are listed.
MATCH (start:Model {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (start)(()-[:DERIVED_FROM]->(seen:Model)
    WHERE $asOf IS NULL OR (seen.releaseDate IS NULL AND $includeUndated) OR seen.releaseDate <= $asOf){1,50}(a:Model)
WITH start, collect(CASE WHEN a IS NULL THEN null
                         ELSE {model: a, depth: length(p), via: last(relationships(p)), viaChild: nodes(p)[-2].id,
                               steps: relationships(p), path: reverse([n IN nodes(p) | n.id])} END) AS ups
UNWIND [{model: start, depth: 0, via: null, viaChild: null, steps: [], path: [start.id]}] + ups AS e
WITH e, e.model AS m
OPTIONAL MATCH (m)-[:DEVELOPED_BY {primary: true}]->(o:Organization)
OPTIONAL MATCH (licence:License {id: toLower(m.license)})
OPTIONAL MATCH (o)-[:REPORTED]->(revenue:Revenue)
WITH e, m, o, licence, collect(revenue {.fiscalYear, .periodEnd, .amountUsd, .source}) AS revenues
OPTIONAL MATCH (m)-[d:DERIVED_FROM]->(parent:Model)
WHERE $asOf IS NULL OR (parent.releaseDate IS NULL AND $includeUndated) OR parent.releaseDate <= $asOf
WITH e, m, o, licence, revenues, collect(CASE WHEN d IS NULL THEN null ELSE {rel: d, parentId: parent.id} END) AS parents
CALL (e, m) {
  OPTIONAL MATCH (m)-[:HAS_FINDING|INVOLVED_IN]->(f)
  WHERE ($asOf IS NULL OR f.date IS NULL OR toString(f.date) <= $asOf)
    AND none(step IN e.steps WHERE f.id IN coalesce(step.mitigates, []))
  RETURN collect(CASE WHEN f IS NULL THEN null ELSE {finding: f, kind: labels(f)[0]} END) AS findings
}
RETURN m AS model, e.depth AS depth, e.via AS via, e.viaChild AS viaChild, o AS organization, licence, revenues,
       parents, findings, e.path AS path,
       // Derivations the date leaves out: the parent was not recorded as released by $asOf.
       [(m)-[:DERIVED_FROM]->(later:Model)
        WHERE $asOf IS NOT NULL AND NOT ((later.releaseDate IS NULL AND $includeUndated) OR later.releaseDate <= $asOf)
        | {id: later.id, date: later.releaseDate}] AS leftOut
ORDER BY depth, m.id
