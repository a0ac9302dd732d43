package dev.pedigree.watch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Posts notifications to their watch's webhook, signed, and retries failures with
 * exponential backoff. A delivery is claimed with a lease before it is sent, so two
 * instances do not send it twice; receivers can still deduplicate by the
 * {@code X-Pedigree-Delivery} header (a notification's key), because a crash between
 * sending and recording the outcome sends it again when the lease ends.
 */
@Component
class WebhookDeliverer {

	static final String SIGNATURE_HEADER = "X-Pedigree-Signature";

	static final String TIMESTAMP_HEADER = "X-Pedigree-Timestamp";

	static final String DELIVERY_HEADER = "X-Pedigree-Delivery";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookDeliverer.class);

	private static final int PER_ROUND = 20;

	private final Graph graph;

	private final CypherQueries cypher;

	private final WatchProperties properties;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookDeliverer(Graph graph, CypherQueries cypher, WatchProperties properties) {
		this.graph = graph;
		this.cypher = cypher;
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
	}

	/** Sends the deliveries due now; returns how many it attempted. */
	int deliver() {
		List<String> due = this.graph.read(this.cypher.get("watch/due-deliveries"), Map.of("limit", PER_ROUND),
				r -> r.get("key").asString());
		if (due.isEmpty()) {
			return 0;
		}
		long lease = Math.max(30, 3 * this.properties.requestTimeout().toSeconds());
		var claimed = this.graph.writeBookkeeping(tx -> {
			tx.run(this.cypher.get("watch/touch-notifications"), Map.of("keys", due)).consume();
			return tx.run(this.cypher.get("watch/claim-deliveries"), Map.of("keys", due, "leaseSeconds", lease)).list();
		});
		for (var row : claimed) {
			var notification = WatchNotification.from(row.get("n").asNode());
			send(notification, row.get("url").asString(), row.get("secret").asString(),
					row.get("subjectKind").asString(), row.get("subjectId").asString());
		}
		return claimed.size();
	}

	/**
	 * What went wrong, for a curator reading {@code lastError}: the JDK's client throws a
	 * {@code ConnectException} without a message when nothing listens, so the kind of
	 * failure is said in words, with the address.
	 */
	static String failure(Exception ex, String url) {
		String where;
		try {
			URI uri = URI.create(url);
			where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		}
		catch (IllegalArgumentException bad) {
			where = "the webhook URL";
		}
		String detail = ex.getMessage() == null || ex.getMessage().isBlank() ? "" : " (" + ex.getMessage() + ")";
		if (ex instanceof java.net.ConnectException) {
			return "could not connect to " + where + ": nothing accepted the connection" + detail;
		}
		if (ex instanceof java.net.http.HttpTimeoutException) {
			return "no answer from " + where + " within the request timeout" + detail;
		}
		if (ex instanceof java.nio.channels.UnresolvedAddressException
				|| ex.getCause() instanceof java.nio.channels.UnresolvedAddressException
				|| ex instanceof java.net.UnknownHostException) {
			return "the host of " + where + " could not be resolved" + detail;
		}
		if (ex instanceof IllegalArgumentException) {
			return "the webhook URL is not one the client can send to" + detail;
		}
		return "sending to " + where + " failed: " + ex.getClass().getSimpleName() + detail;
	}

	private void send(WatchNotification notification, String url, String secret, String subjectKind, String subjectId) {
		String error;
		try {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("key", notification.key());
			payload.put("seq", notification.seq());
			payload.put("watchId", notification.watchId());
			payload.put("subject", Map.of("kind", subjectKind, "id", subjectId));
			payload.put("condition", notification.condition().name());
			payload.put("modelId", notification.modelId());
			payload.put("reason", notification.reason());
			payload.put("raisedAt", notification.raisedAt());
			String body = this.json.writeValueAsString(payload);
			String timestamp = Long.toString(System.currentTimeMillis() / 1000);
			var request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.properties.requestTimeout())
				.header("Content-Type", "application/json")
				.header(DELIVERY_HEADER, notification.key())
				.header(TIMESTAMP_HEADER, timestamp)
				.header(SIGNATURE_HEADER, "sha256=" + signature(secret, timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			error = status / 100 == 2 ? null : "HTTP " + status;
		}
		catch (java.io.IOException | IllegalArgumentException ex) {
			error = failure(ex, url);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return; // the lease ends and the delivery falls due again
		}
		int attempts = notification.delivery().attempts() + 1;
		boolean delivered = error == null;
		boolean failed = !delivered && attempts >= this.properties.maxAttempts();
		if (!delivered) {
			log.warn("Webhook delivery {} to {} failed (attempt {} of {}): {}", notification.key(), url, attempts,
					this.properties.maxAttempts(), error);
		}
		Map<String, Object> outcome = new java.util.HashMap<>();
		outcome.put("key", notification.key());
		outcome.put("error", error);
		outcome.put("delivered", delivered);
		outcome.put("failed", failed);
		outcome.put("retryInMillis", this.properties.backoff(attempts).toMillis());
		this.graph.writeBookkeeping(tx -> tx.run(this.cypher.get("watch/record-delivery"), outcome).consume());
	}

	/**
	 * HMAC-SHA256 over {@code timestamp + "." + body}, hex: the receiver recomputes it
	 * with the watch's secret and rejects stale timestamps against replays.
	 */
	static String signature(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
