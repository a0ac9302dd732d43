package dev.pedigree.watch;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.lineage.ChangeLog;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * Turns pending entries of the change log into notifications. Every instance runs it: two
 * that evaluate the same change raise each notification once, because each holds the
 * notification sequence's lock while it leaves out keys already raised and creates the
 * rest.
 */
@Component
class WatchEvaluator {

	/** Changes evaluated per transaction. */
	private static final int CHANGES_PER_ROUND = 20;

	private final Graph graph;

	private final CypherQueries cypher;

	WatchEvaluator(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	private record Raised(String key, String watchId, String condition, String modelId, String reason,
			String changeId) {

		Map<String, Object> asMap() {
			return Map.of("key", this.key, "watchId", this.watchId, "condition", this.condition, "modelId",
					this.modelId, "reason", this.reason, "changeId", this.changeId);
		}

	}

	/** Evaluates one round of pending changes; returns how many it looked at. */
	int evaluate() {
		// Most rounds find nothing: a read says so without taking any lock.
		if (this.graph.read(this.cypher.get("watch/pending-changes"), Map.of("limit", 1)).isEmpty()) {
			return 0;
		}
		return this.graph.writeBookkeeping(tx -> {
			// The lock first: reads after it see what another instance committed before
			// releasing it.
			tx.run(this.cypher.get("watch/lock-notifications")).consume();
			// A change older than every watch concerns none: it comes without its model
			// ids and is marked evaluated without its queries, which read every model it
			// names (an import's backlog on a store without watches: 4 million ids, two
			// minutes of a first start on the 2M graph).
			var changes = tx.run(this.cypher.get("watch/pending-changes"), Map.of("limit", CHANGES_PER_ROUND)).list();
			List<Raised> raised = new ArrayList<>();
			for (var change : changes) {
				if (change.get("evaluate").asBoolean()) {
					raised.addAll(evaluate(tx, change.get("id").asString(),
							ChangeLog.Kind.valueOf(change.get("kind").asString()), change.get("at").asZonedDateTime(),
							change.get("modelIds").asList(v -> v.asString())));
				}
			}
			var fresh = fresh(tx, raised, this.cypher);
			if (!fresh.isEmpty()) {
				long last = tx.run(this.cypher.get("watch/allocate-notifications"), Map.of("count", fresh.size()))
					.single()
					.get("last")
					.asLong();
				tx.run(this.cypher.get("watch/raise-notifications"),
						Map.of("rows", fresh.stream().map(Raised::asMap).toList(), "first", last - fresh.size() + 1))
					.consume();
			}
			tx.run(this.cypher.get("watch/mark-evaluated"),
					Map.of("ids", changes.stream().map(c -> c.get("id").asString()).toList()))
				.consume();
			return changes.size();
		});
	}

	private List<Raised> evaluate(TransactionContext tx, String changeId, ChangeLog.Kind kind, ZonedDateTime at,
			List<String> modelIds) {
		Map<String, Object> params = Map.of("modelIds", modelIds, "at", at);
		List<Raised> raised = new ArrayList<>();
		if (kind == ChangeLog.Kind.FINDING_RECORDED) {
			// Each finding is news, also on a model that raised one before.
			tx.run(this.cypher.get("watch/findings"), params)
				.forEachRemaining(r -> raised.add(raised(r.get("watchId").asString(), WatchCondition.FINDING.name(),
						r.get("modelId").asString(), r.get("reason").asString(), changeId, changeId)));
			return raised;
		}
		if (kind == ChangeLog.Kind.DERIVATIONS_WRITTEN) {
			tx.run(this.cypher.get("watch/safety-removing-descendants"), params)
				.forEachRemaining(r -> raised
					.add(raised(r.get("watchId").asString(), WatchCondition.SAFETY_REMOVING_DESCENDANT.name(),
							r.get("modelId").asString(), r.get("reason").asString(), changeId, null)));
		}
		// A threshold can be passed by a new derivation (a new descendant) or by new
		// figures on a model.
		tx.run(this.cypher.get("watch/figure-above"), params)
			.forEachRemaining(r -> raised.add(raised(r.get("watchId").asString(), r.get("condition").asString(),
					r.get("modelId").asString(), r.get("reason").asString(), changeId, null)));
		return raised;
	}

	private static Raised raised(String watchId, String condition, String modelId, String reason, String changeId,
			String keySuffix) {
		String key = watchId + "|" + condition + "|" + modelId + (keySuffix == null ? "" : "|" + keySuffix);
		return new Raised(key, watchId, condition, modelId, reason, changeId);
	}

	/** The raised notifications not raised before (by this round or an earlier one). */
	private static List<Raised> fresh(TransactionContext tx, List<Raised> raised, CypherQueries cypher) {
		if (raised.isEmpty()) {
			return raised;
		}
		var keys = raised.stream().map(Raised::key).distinct().toList();
		var known = new HashSet<>(
				tx.run(cypher.get("watch/raised-keys"), Map.of("keys", keys)).list(r -> r.get("key").asString()));
		List<Raised> fresh = new ArrayList<>();
		for (var r : raised) {
			if (known.add(r.key())) {
				fresh.add(r);
			}
		}
		return fresh;
	}

}
