// Curators' API tokens (security/): looked up by id, compared by SHA-256; the token itself is never stored.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:__ApiToken) REQUIRE n.id IS UNIQUE;
