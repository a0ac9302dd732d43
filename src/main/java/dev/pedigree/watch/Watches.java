package dev.pedigree.watch;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/** Creates, lists and deletes watches and reads what they raised. */
@Service
public class Watches {

	/** Most notifications one read returns. */
	static final int MAX_PAGE = 500;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Graph graph;

	private final CypherQueries cypher;

	private final LineageQueries lineage;

	Watches(Graph graph, CypherQueries cypher, LineageQueries lineage) {
		this.graph = graph;
		this.cypher = cypher;
		this.lineage = lineage;
	}

	/** A new watch, with the secret its webhook payloads are signed with (shown once). */
	public record Created(Watch watch, String webhookSecret) {
	}

	/** What a curator asks to be told about. */
	public record WatchInput(String subjectKind, String subjectId, List<WatchCondition> conditions,
			Double computeThresholdFlop, Double downloadsThreshold, String webhookUrl, String label) {
	}

	public Created create(WatchInput input) {
		if (input.conditions() == null || input.conditions().isEmpty()) {
			throw new InvalidInputException("conditions", "A watch needs at least one condition");
		}
		var conditions = new LinkedHashSet<>(input.conditions());
		requireThreshold(conditions.contains(WatchCondition.COMPUTE_ABOVE), input.computeThresholdFlop(),
				"computeThresholdFlop", "COMPUTE_ABOVE");
		requireThreshold(conditions.contains(WatchCondition.DOWNLOADS_ABOVE), input.downloadsThreshold(),
				"downloadsThreshold", "DOWNLOADS_ABOVE");
		String subjectId = subject(input.subjectKind(), input.subjectId());
		Map<String, Object> properties = new HashMap<>();
		String secret = null;
		if (input.webhookUrl() != null) {
			properties.put("webhookUrl", webhookUrl(input.webhookUrl()));
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			secret = HexFormat.of().formatHex(bytes);
			properties.put("secret", secret);
		}
		if (input.computeThresholdFlop() != null) {
			properties.put("computeThresholdFlop", input.computeThresholdFlop());
		}
		if (input.downloadsThreshold() != null) {
			properties.put("downloadsThreshold", input.downloadsThreshold());
		}
		if (input.label() != null && !input.label().isBlank()) {
			properties.put("label", input.label().strip());
		}
		var params = Map.<String, Object>of("id", "watch/" + UUID.randomUUID(), "subjectKind", input.subjectKind(),
				"subjectId", subjectId, "conditions", conditions.stream().map(Enum::name).toList(), "properties",
				properties);
		var watch = this.graph
			.write(tx -> Watch.from(tx.run(this.cypher.get("watch/create-watch"), params).single().get("w").asNode()));
		return new Created(watch, secret);
	}

	public List<Watch> list() {
		return this.graph.read(this.cypher.get("watch/watches"), nullable("id", null),
				r -> Watch.from(r.get("w").asNode()));
	}

	public Watch get(String id) {
		return get(id, "id");
	}

	/** The watch, or NOT_FOUND naming {@code field}, the argument that gave its id. */
	private Watch get(String id, String field) {
		var found = this.graph.read(this.cypher.get("watch/watches"), nullable("id", id),
				r -> Watch.from(r.get("w").asNode()));
		if (found.isEmpty()) {
			throw new NotFoundException(field, "No watch with id '" + id + "'");
		}
		return found.get(0);
	}

	public boolean delete(String id) {
		get(id);
		return this.graph.write(tx -> tx.run(this.cypher.get("watch/delete-watch"), Map.of("id", id))
			.single()
			.get("deleted")
			.asLong() > 0);
	}

	/**
	 * Notifications raised after {@code after} (a {@code seq} already seen), oldest
	 * first.
	 */
	public List<WatchNotification> notifications(String watchId, long after, int first) {
		if (watchId != null) {
			get(watchId, "watchId");
		}
		if (after < 0) {
			throw new InvalidInputException("after", "after must be >= 0, was " + after);
		}
		if (first < 1) {
			throw new InvalidInputException("first", "first must be between 1 and " + MAX_PAGE + ", was " + first);
		}
		// Above the page limit it is used at the limit, as every other page of the API
		// (the response's clamp warning says so), not refused beside that warning.
		first = Math.min(first, MAX_PAGE);
		Map<String, Object> params = nullable("watchId", watchId);
		params.put("after", after);
		params.put("limit", first);
		return this.graph.read(this.cypher.get("watch/notifications"), params,
				r -> WatchNotification.from(r.get("n").asNode()));
	}

	private String subject(String kind, String id) {
		if (id == null || id.isBlank()) {
			throw new InvalidInputException("subjectId", "subjectId is required");
		}
		if ("MODEL".equals(kind)) {
			var exact = this.lineage.model(id.strip());
			String resolved = exact != null ? exact.id() : this.lineage.resolveModelId(id.strip());
			if (resolved == null) {
				throw new NotFoundException("subjectId", "No model with id '" + id + "'");
			}
			return resolved;
		}
		if ("ORGANIZATION".equals(kind)) {
			var organization = this.lineage.organization(id.strip());
			if (organization == null) {
				throw new NotFoundException("subjectId", "No organization with id or alias '" + id + "'");
			}
			return organization.id();
		}
		throw new InvalidInputException("subjectKind", "subjectKind must be MODEL or ORGANIZATION, was '" + kind + "'");
	}

	private static String webhookUrl(String url) {
		try {
			URI uri = URI.create(url.strip());
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri.toString();
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new InvalidInputException("webhookUrl", "webhookUrl must be an absolute http(s) URL, was '" + url + "'");
	}

	private static void requireThreshold(boolean needed, Double value, String field, String condition) {
		if (needed && value == null) {
			throw new InvalidInputException(field, field + " is required with " + condition);
		}
		if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
			throw new InvalidInputException(field, field + " must be a finite number >= 0, was " + value);
		}
	}

	private static Map<String, Object> nullable(String key, Object value) {
		Map<String, Object> params = new HashMap<>();
		params.put(key, value);
		return params;
	}

}
