// Annual revenue figures of organisations (one node per organisation and fiscal year), read by the SB 53 rules.
CREATE CONSTRAINT revenue_id IF NOT EXISTS FOR (n:Revenue) REQUIRE n.id IS UNIQUE;
