// Revoked tokens are kept, with who revoked them, when and why.
MATCH (t:__ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime()), t.revokedBy = coalesce(t.revokedBy, $revokedBy),
    t.revocationReason = coalesce(t.revocationReason, $reason)
RETURN t
