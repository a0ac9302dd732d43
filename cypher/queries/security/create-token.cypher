CREATE (t:__ApiToken {id: $id, name: $name, role: $role, sha256: $sha256, createdAt: datetime(), createdBy: $createdBy})
RETURN t
