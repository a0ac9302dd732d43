package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.neo4j.driver.Record;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Records on each derivation the safety signals its child's stored facts hold (Hub tags,
 * training sets, id and name: {@link SafetySignals}), whichever source wrote them and in
 * whatever order: the signals always, the effect they imply ({@code REMOVED}, source
 * {@code heuristic}) only where no source or curator declared one. A heuristic effect
 * whose evidence is gone is withdrawn. Idempotent.
 */
@Service
public class SafetyChecks {

	private static final int BATCH = 10_000;

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	SafetyChecks(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	/** Checks every derivation (after a seed or an import); returns how many changed. */
	public long all() {
		return check(null);
	}

	/** Checks the derivations of the children {@code ids} (after a curated write). */
	public long of(Collection<String> ids) {
		return check(List.copyOf(ids));
	}

	private long check(List<String> ids) {
		Map<String, Object> params = candidateParameters(ids);
		var classifier = SafetySignals.shipped();
		List<Map<String, Object>> changes = new ArrayList<>();
		for (Record r : this.graph.readBulk(tx -> tx
			.run(this.cypher.get(ids == null ? "lineage/safety-candidates" : "lineage/safety-candidates-of"), params)
			.list())) {
			String child = r.get("child").asString();
			Set<String> sets = new LinkedHashSet<>(r.get("trainingSets").asList(v -> v.asString()));
			List<String> tags = r.get("tags").asList(v -> v.asString());
			tags.stream().filter(t -> t.startsWith("dataset:")).map(t -> t.substring(8)).forEach(sets::add);
			List<SafetySignal> signals = classifier.forDerivation(
					classifier.of(child, string(r, "name"), string(r, "pipelineTag"), tags, sets),
					r.get("parent").asString());
			List<String> encoded = signals.stream().map(SafetySignal::encoded).toList();
			String effect = string(r, "effect");
			String source = string(r, "safetySource");
			boolean declared = effect != null && !SafetySignals.SOURCE.equals(source);
			Map<String, Object> row = new HashMap<>();
			row.put("child", child);
			row.put("parent", r.get("parent").asString());
			row.put("signals", encoded);
			row.put("heuristic", !declared);
			row.put("effect", signals.isEmpty() ? null : SafetyEffect.REMOVED.name());
			row.put("source", signals.isEmpty() ? null : SafetySignals.SOURCE);
			row.put("confidence", SafetySignals.confidence(signals));
			boolean changed = !new HashSet<>(encoded).equals(new HashSet<>(r.get("signals").asList(v -> v.asString())))
					|| (!declared && !Objects.equals(effect, row.get("effect")));
			if (changed) {
				changes.add(row);
			}
		}
		for (int from = 0; from < changes.size(); from += BATCH) {
			var batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
			this.graph.write(SizeChecks.ends(batch), tx -> {
				tx.run(this.cypher.get("lineage/set-safety-signals"), Map.of("rows", batch)).consume();
				this.changes.append(tx, ChangeLog.Kind.DERIVATIONS_WRITTEN,
						batch.stream().map(r -> (String) r.get("child")).toList());
				return null;
			});
		}
		return changes.size();
	}

	/**
	 * The parameters of {@code lineage/safety-candidates(-of)}, also as the warm-up plans
	 * them.
	 */
	static Map<String, Object> candidateParameters(List<String> ids) {
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		params.put("words", SafetySignals.CANDIDATE_WORDS);
		return params;
	}

	private static String string(Record r, String key) {
		return r.get(key).isNull() ? null : r.get(key).asString();
	}

}
