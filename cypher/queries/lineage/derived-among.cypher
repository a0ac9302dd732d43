// Of the models $ids, those that derive (at any depth up to 20) from another of them: re-uploads, quantizations and
// fine-tunes of an original with the same name.
UNWIND $ids AS id
MATCH (m:Model {id: id})
WHERE EXISTS { (m)-[:DERIVED_FROM]->{1,20}(o:Model) WHERE o.id IN $ids AND o <> m }
RETURN m.id AS id
