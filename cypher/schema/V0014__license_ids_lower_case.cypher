// Licence ids are stored in lower case, as the licence catalogue keys them (since session 37: a curator's or an
// SBOM's `Apache-2.0` was stored as typed, and its derivations' licence drift read UNKNOWN). Ids stored before that
// are lowered here, so a store of the release before reads as one written after it.
// Statements of a script with IN TRANSACTIONS run one by one, each in its own transaction (SchemaMigrations).
MATCH (m:Model) WHERE m.license IS NOT NULL AND m.license <> toLower(m.license)
CALL (m) {
  SET m.license = toLower(m.license)
} IN TRANSACTIONS OF 10000 ROWS;
