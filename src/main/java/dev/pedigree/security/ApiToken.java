package dev.pedigree.security;

import org.neo4j.driver.types.Node;

/**
 * A curator's token as stored: never the token itself, only its SHA-256; a revoked token
 * is kept with who revoked it, when and why.
 */
public record ApiToken(String id, String name, Role role, String createdAt, String createdBy, String revokedAt,
		String revokedBy, String revocationReason) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

	static ApiToken from(Node n) {
		return new ApiToken(n.get("id").asString(), n.get("name").asString(), Role.valueOf(n.get("role").asString()),
				time(n, "createdAt"), text(n, "createdBy"), time(n, "revokedAt"), text(n, "revokedBy"),
				text(n, "revocationReason"));
	}

	private static String text(Node n, String key) {
		return n.get(key).isNull() ? null : n.get(key).asString();
	}

	private static String time(Node n, String key) {
		return n.get(key).isNull() ? null : n.get(key).asZonedDateTime().toOffsetDateTime().toString();
	}

}
