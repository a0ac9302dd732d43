package dev.pedigree.watch;

import org.neo4j.driver.types.Node;

/**
 * What a watch raised: once per watch, condition and model (for findings, once per
 * finding), numbered in the order raised.
 *
 * @param delivery the webhook delivery's state, null for a watch without webhook
 */
public record WatchNotification(long seq, String key, String watchId, WatchCondition condition, String modelId,
		String reason, String raisedAt, Delivery delivery) {

	/** One webhook's delivery: PENDING (with retries), DELIVERED or FAILED. */
	public record Delivery(String state, int attempts, String lastError, String deliveredAt) {
	}

	static WatchNotification from(Node n) {
		Delivery delivery = n.get("delivery").isNull() ? null
				: new Delivery(n.get("delivery").asString(), n.get("attempts").asInt(),
						n.get("lastError").isNull() ? null : n.get("lastError").asString(),
						n.get("deliveredAt").isNull() ? null
								: n.get("deliveredAt").asZonedDateTime().toOffsetDateTime().toString());
		return new WatchNotification(n.get("seq").asLong(), n.get("key").asString(), n.get("watchId").asString(),
				WatchCondition.valueOf(n.get("condition").asString()), n.get("modelId").asString(),
				n.get("reason").asString(), n.get("raisedAt").asZonedDateTime().toOffsetDateTime().toString(),
				delivery);
	}

}
