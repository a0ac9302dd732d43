package dev.pedigree.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * Batched, idempotent writes shared by every importer: {@code UNWIND} batches, each batch one transaction (it
 * commits whole), MERGE on id, so an interrupted import can simply be re-run.
 */
@Component
class GraphWriter {

	static final int BATCH = 10_000;

	private final Graph graph;

	private final CypherQueries cypher;

	GraphWriter(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/** A model to upsert; {@code props} must not hold nulls (a null would erase a known fact). */
	record ModelRow(String id, Map<String, Object> props, List<String> aliases, String developerId, String source,
			boolean placeholder) {

		static ModelRow placeholder(String id) {
			return new ModelRow(id, Map.of(), List.of(), null, null, true);
		}

		Map<String, Object> asMap() {
			Map<String, Object> row = new HashMap<>();
			row.put("id", this.id);
			row.put("props", withoutNulls(this.props));
			row.put("aliases", this.aliases);
			row.put("developerId", this.developerId);
			row.put("source", this.source);
			row.put("placeholder", this.placeholder);
			return row;
		}

	}

	record DerivationRow(String child, String parent, Map<String, Object> props) {

		Map<String, Object> asMap() {
			return Map.of("child", this.child, "parent", this.parent, "props", withoutNulls(this.props));
		}

	}

	record OrganizationRow(String id, Map<String, Object> props, List<String> aliases, String source) {

		Map<String, Object> asMap() {
			return Map.of("id", this.id, "props", withoutNulls(this.props), "aliases", this.aliases, "source",
					this.source);
		}

	}

	void organizations(List<OrganizationRow> rows, ImportReport report) {
		write("interchange/upsert-organizations", rows.stream().map(OrganizationRow::asMap).toList(), report);
	}

	void models(List<ModelRow> rows, ImportReport report, Progress progress) {
		// Last row wins for duplicate ids in one batch, so a batch never races with itself.
		Map<String, ModelRow> unique = new LinkedHashMap<>();
		rows.forEach(r -> unique.merge(r.id(), r, (a, b) -> b.placeholder() ? a : b));
		batches(unique.values().stream().map(ModelRow::asMap).toList(), "interchange/upsert-models", report,
				progress);
	}

	void derivations(List<DerivationRow> rows, ImportReport report, Progress progress) {
		batches(rows.stream().map(DerivationRow::asMap).toList(), "interchange/upsert-derivations", report,
				progress);
	}

	/** Existing derivation pairs, child → parents, for cycle checks before writing. */
	Map<String, List<String>> derivationPairs() {
		Map<String, List<String>> up = new HashMap<>();
		this.graph.readBulk(tx -> {
			tx.run(this.cypher.get("interchange/all-derivation-pairs")).forEachRemaining(r -> up
				.computeIfAbsent(r.get("child").asString(), k -> new ArrayList<>(2)).add(r.get("parent").asString()));
			return null;
		});
		return up;
	}

	java.util.Set<String> existingModelIds(java.util.Collection<String> ids) {
		java.util.Set<String> found = new java.util.HashSet<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += BATCH) {
			var batch = all.subList(from, Math.min(all.size(), from + BATCH));
			this.graph.read(this.cypher.get("interchange/existing-model-ids"), Map.of("ids", batch),
					r -> r.get("id").asString()).forEach(found::add);
		}
		return found;
	}

	List<org.neo4j.driver.Record> query(String name) {
		return this.graph.read(this.cypher.get(name), Map.of());
	}

	private void batches(List<Map<String, Object>> rows, String query, ImportReport report, Progress progress) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			write(query, batch, report);
			progress.advance(batch.size());
		}
	}

	private void write(String query, List<Map<String, Object>> batch, ImportReport report) {
		if (batch.isEmpty()) {
			return;
		}
		var counts = this.graph.write(tx -> tx.run(this.cypher.get(query), Map.of("rows", batch)).single());
		report.counted(counts.get("created").asLong(), counts.get("updated").asLong(), counts.get("total").asLong());
	}

	static Map<String, Object> withoutNulls(Map<String, Object> map) {
		Map<String, Object> clean = new HashMap<>();
		map.forEach((k, v) -> {
			if (v != null) {
				clean.put(k, v);
			}
		});
		return clean;
	}

}
