// Where each placeholder a name resolution merged went (lineage/move-placeholders.cypher writes one record each): an
// import batch that named the placeholder while it existed and writes after the resolution committed writes its edge
// to that model instead (lineage/resolved-placeholders.cypher, by the placeholder's id).
CREATE CONSTRAINT resolved_placeholder_id IF NOT EXISTS FOR (n:__ResolvedPlaceholder) REQUIRE n.id IS UNIQUE;
