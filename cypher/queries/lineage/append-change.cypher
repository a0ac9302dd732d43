// Appends one entry to the change log in the writer's own transaction: it becomes visible exactly when the write
// commits and never if it rolls back. No shared counter: parallel import batches do not queue on one node.
CREATE (:__Change {id: randomUUID(), kind: $kind, at: datetime(), modelIds: $modelIds, derivations: $derivations,
                   writer: $writer, pending: true})
