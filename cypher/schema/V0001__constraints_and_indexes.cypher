// Every node is keyed by a unique, stable id.
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT application_id IF NOT EXISTS FOR (n:Application) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT license_id IF NOT EXISTS FOR (n:License) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT risk_finding_id IF NOT EXISTS FOR (n:RiskFinding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (n:Regulation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT obligation_id IF NOT EXISTS FOR (n:Obligation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:__SchemaMigration) REQUIRE n.version IS UNIQUE;
// Lookups by name (searchText = lower-cased id, name and aliases, for case-insensitive "contains").
CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name);
CREATE TEXT INDEX model_search_text IF NOT EXISTS FOR (n:Model) ON (n.searchText);
CREATE INDEX model_license IF NOT EXISTS FOR (n:Model) ON (n.license);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX derivation_relation IF NOT EXISTS FOR ()-[r:DERIVED_FROM]-() ON (r.relation);
CREATE INDEX model_developer IF NOT EXISTS FOR (n:Model) ON (n.developerId);
