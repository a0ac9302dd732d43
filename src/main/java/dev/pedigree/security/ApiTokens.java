package dev.pedigree.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and checks API tokens. A token reads {@code pdg_<id>_<secret>}:
 * the id finds its record, the SHA-256 of the whole token is compared in constant time.
 * Tokens carry 256 random bits, so a plain hash suffices (a slow password hash protects
 * guessable secrets, which these are not).
 */
@Service
public class ApiTokens {

	/** What a checked token stands for. */
	public record Caller(String name, Role role, String tokenId) {
	}

	/** A token just created: the only time its secret is shown. */
	public record Created(ApiToken token, String secret) {
	}

	private static final Pattern FORMAT = Pattern.compile("pdg_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@ -]{1,80}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Graph graph;

	private final CypherQueries cypher;

	private final Map<String, Caller> configured;

	private final Cache<String, Optional<Caller>> checked;

	ApiTokens(Graph graph, CypherQueries cypher, SecurityProperties properties) {
		this.graph = graph;
		this.cypher = cypher;
		var configured = new java.util.HashMap<String, Caller>();
		configure(configured, properties.curatorToken(), new Caller("curator-token", Role.CURATOR, null));
		configure(configured, properties.adminToken(), new Caller("admin-token", Role.ADMIN, null));
		this.configured = Map.copyOf(configured);
		this.checked = Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(10_000).build();
	}

	/** The caller a presented token stands for; empty for an unknown or revoked token. */
	public Optional<Caller> check(String token) {
		String hash = sha256(token.strip());
		for (var entry : this.configured.entrySet()) {
			if (MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(entry.getValue());
			}
		}
		var format = FORMAT.matcher(token.strip());
		if (!format.matches()) {
			return Optional.empty();
		}
		return this.checked.get(hash, h -> lookUp(format.group(1), h));
	}

	private Optional<Caller> lookUp(String id, String hash) {
		var found = this.graph.read(this.cypher.get("security/token-by-id"), Map.of("id", id),
				r -> r.get("t").asNode());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var node = found.get(0);
		var token = ApiToken.from(node);
		boolean matches = MessageDigest.isEqual(node.get("sha256").asString().getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII));
		return matches && !token.revoked() ? Optional.of(new Caller(token.name(), token.role(), token.id()))
				: Optional.empty();
	}

	public Created create(String name, Role role, String createdBy) {
		if (name == null || !NAME.matcher(name.strip()).matches()) {
			throw new InvalidInputException("name",
					"name must be 1-80 letters, digits, spaces or . _ @ -, was '" + name + "'");
		}
		if (role == null) {
			throw new InvalidInputException("role", "role must be READER, CURATOR or ADMIN");
		}
		byte[] idBytes = new byte[6];
		byte[] secretBytes = new byte[32];
		RANDOM.nextBytes(idBytes);
		RANDOM.nextBytes(secretBytes);
		String id = HexFormat.of().formatHex(idBytes);
		String secret = "pdg_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
		var token = this.graph.write(tx -> ApiToken.from(tx
			.run(this.cypher.get("security/create-token"), Map.of("id", id, "name", name.strip(), "role", role.name(),
					"sha256", sha256(secret), "createdBy", createdBy))
			.single()
			.get("t")
			.asNode()));
		return new Created(token, secret);
	}

	public List<ApiToken> list() {
		return this.graph.read(this.cypher.get("security/tokens"), Map.of(), r -> ApiToken.from(r.get("t").asNode()));
	}

	/** Revokes a token at once on this instance, within the cache TTL on the others. */
	public ApiToken revoke(String id, String reason, String revokedBy) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "A revocation needs a reason");
		}
		var revoked = this.graph.write(
				tx -> tx
					.run(this.cypher.get("security/revoke-token"),
							Map.of("id", id == null ? "" : id.strip(), "reason", reason.strip(), "revokedBy",
									revokedBy))
					.list(r -> ApiToken.from(r.get("t").asNode())));
		if (revoked.isEmpty()) {
			throw new NotFoundException("id", "No token with id '" + id + "'");
		}
		this.checked.invalidateAll();
		return revoked.get(0);
	}

	private static void configure(Map<String, Caller> configured, String token, Caller caller) {
		if (token == null || token.isBlank()) {
			return;
		}
		String value = token.strip();
		configured.put(
				value.startsWith("sha256:") ? value.substring(7).toLowerCase(java.util.Locale.ROOT) : sha256(value),
				caller);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
