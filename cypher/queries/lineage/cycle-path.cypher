// A path from $parent up to $child means that child -> parent would close a cycle.
MATCH (parent:Model {id: $parent}), (child:Model {id: $child})
MATCH p = ANY SHORTEST (parent)-[:DERIVED_FROM]->+(child)
RETURN [n IN nodes(p) | n.id] AS ids
